using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Bench.Load;

/// <summary>
/// N SignalR clients join a document on each server, then a writer posts one annotation at a time, to each
/// server in turn (which one goes first alternates), so that both meet the same moments of a shared machine.
/// Each delivery's latency is measured from the moment the writer starts its POST (what a reader waits for
/// after a click); the next post starts once every client has the last one (or after 10 s). Memory per
/// connection is a server's resident memory after its clients connected and joined, less before, over N.
/// </summary>
internal sealed class FanOutRun(HttpClient http)
{
    private const int ConnectingAtOnce = 16;
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    /// <summary>One server's clients and what they received.</summary>
    private sealed class Side(FanOutTarget target, int clients, int posts)
    {
        public FanOutTarget Target { get; } = target;
        public Arrivals Arrivals { get; } = new(clients, posts);
        public long[] Starts { get; } = new long[posts];
        public List<double> PostTimes { get; } = [];
        public List<HubConnection> Connections { get; set; } = [];
        public double? KilobytesPerConnection { get; set; }
    }

    public async Task<(FanOutResult Baseline, FanOutResult Annotate)> MeasureAsync(
        FanOutTarget baseline, FanOutTarget annotate, int clients, int warmUpPosts, int posts, bool measureMemory)
    {
        var results = await MeasureAsync([baseline, annotate], clients, warmUpPosts, posts, measureMemory);
        return (results[0], results[1]);
    }

    /// <summary>The same for any number of servers, which take turns post by post (bench/scale.sh: three set-ups).</summary>
    public async Task<FanOutResult[]> MeasureAsync(IReadOnlyList<FanOutTarget> targets, int clients, int warmUpPosts, int posts, bool measureMemory)
    {
        var total = warmUpPosts + posts;
        var sides = targets.Select(target => new Side(target, clients, total)).ToArray();
        try
        {
            foreach (var side in sides)
            {
                var memoryBefore = side.Target.Server.ResidentBytes();
                side.Connections = await ConnectAsync(side.Target, clients, side.Arrivals);
                if (!measureMemory) continue;
                // Let the server settle after the connecting burst before reading its memory.
                await Task.Delay(TimeSpan.FromSeconds(2));
                side.KilobytesPerConnection = (side.Target.Server.ResidentBytes() - memoryBefore) / 1024.0 / clients;
            }
            await PostInTurnsAsync(sides, total, warmUpPosts);
            return [.. sides.Select(side => Result(side, clients, warmUpPosts, total))];
        }
        finally
        {
            await Task.WhenAll(sides.SelectMany(s => s.Connections).Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static FanOutResult Result(Side side, int clients, int warmUpPosts, int total)
    {
        var servers = Enumerable.Range(0, clients).Select(side.Target.ServerOf).Distinct().ToList();
        var byServer = servers.Count < 2 ? null : servers.ToDictionary(server => server, server =>
        {
            bool Of(int client) => side.Target.ServerOf(client) == server;
            return (side.Arrivals.LatenciesFrom(side.Starts, warmUpPosts, Of), side.Arrivals.FirstDeliveriesFrom(side.Starts, warmUpPosts, Of));
        });
        return new(side.Arrivals.LatenciesFrom(side.Starts, warmUpPosts), side.Arrivals.FirstDeliveriesFrom(side.Starts, warmUpPosts),
            side.Arrivals.SpreadsFrom(warmUpPosts, total), clients * (total - warmUpPosts), Percentiles.Sorted(side.PostTimes),
            side.KilobytesPerConnection, side.Arrivals.PayloadBytes, byServer);
    }

    /// <summary>
    /// The writer, on a thread of its own with synchronous HTTP calls: its POST time then does not include waiting
    /// for this process's thread pool, which is busy taking the deliveries of the same post meanwhile.
    /// </summary>
    private Task PostInTurnsAsync(Side[] sides, int total, int warmUpPosts)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = new Thread(() =>
        {
            try
            {
                // Who goes first turns round, post by post (with two servers: each goes first every other post).
                for (var post = 0; post < total; post++)
                    foreach (var side in sides.Skip(post % sides.Length).Concat(sides.Take(post % sides.Length)))
                        Post(side, post, warmUpPosts);
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        }) { Name = "Writer", IsBackground = true };
        writer.Start();
        return done.Task;
    }

    private void Post(Side side, int post, int warmUpPosts)
    {
        using var request = side.Target.NewPost(post);
        side.Starts[post] = Stopwatch.GetTimestamp();
        using var response = http.Send(request);
        var postTime = Stopwatch.GetElapsedTime(side.Starts[post]).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{side.Target.Server.Name}: POST answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        if (post >= warmUpPosts) side.PostTimes.Add(postTime);
        side.Arrivals.WaitFor(post, DeliveryTimeout);
        Thread.Sleep(20);
    }

    private static async Task<List<HubConnection>> ConnectAsync(FanOutTarget target, int clients, Arrivals arrivals)
    {
        var connections = new HubConnection[clients];
        using var gate = new SemaphoreSlim(ConnectingAtOnce);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            await gate.WaitAsync();
            try
            {
                var token = target.ReaderToken(client);
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(target.ServerOf(client), "hubs/annotations"), HttpTransportType.WebSockets, options =>
                    {
                        options.SkipNegotiation = true;
                        if (token is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    })
                    .Build();
                connection.On<JsonElement>("annotationCreated", payload => arrivals.Arrived(client, () => payload.GetRawText().Length));
                await connection.StartAsync();
                await connection.InvokeAsync("Join", target.DocumentId);
                connections[client] = connection;
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. connections];
    }
}
