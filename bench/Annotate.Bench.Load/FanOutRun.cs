using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Bench.Load;

/// <summary>
/// N SignalR clients join a document, then a writer posts one annotation at a time; each delivery's latency is
/// measured from the moment the writer starts its POST (what a reader waits for after a click). The next post
/// starts once every client has the last one (or after 10 s). Memory per connection is the server's resident
/// memory after connecting and joining, less before, over N.
/// </summary>
internal sealed class FanOutRun(HttpClient http)
{
    private const int ConnectingAtOnce = 16;
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(10);

    public async Task<FanOutResult> MeasureAsync(FanOutTarget target, int clients, int warmUpPosts, int posts, bool measureMemory)
    {
        var total = warmUpPosts + posts;
        var arrivals = new Arrivals(clients, total);
        var memoryBefore = target.Server.ResidentBytes();
        var connections = await ConnectAsync(target, clients, arrivals);
        try
        {
            double? perConnection = null;
            if (measureMemory)
            {
                // Let the server settle after the connecting burst before reading its memory.
                await Task.Delay(TimeSpan.FromSeconds(2));
                perConnection = (target.Server.ResidentBytes() - memoryBefore) / 1024.0 / clients;
            }

            var (starts, postTimes) = await PostOneAtATimeAsync(target, arrivals, total, warmUpPosts);
            return new FanOutResult(arrivals.LatenciesFrom(starts, warmUpPosts), arrivals.SpreadsFrom(warmUpPosts, total), clients * posts, Percentiles.Sorted(postTimes), perConnection, arrivals.PayloadBytes);
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    /// <summary>
    /// The writer, on a thread of its own with synchronous HTTP calls: its POST time then does not include waiting
    /// for this process's thread pool, which is busy taking the deliveries of the same post meanwhile.
    /// </summary>
    private Task<(long[] Starts, List<double> PostTimes)> PostOneAtATimeAsync(FanOutTarget target, Arrivals arrivals, int total, int warmUpPosts)
    {
        var done = new TaskCompletionSource<(long[], List<double>)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = new Thread(() =>
        {
            try
            {
                var starts = new long[total];
                var postTimes = new List<double>();
                for (var post = 0; post < total; post++)
                {
                    using var request = target.NewPost(post);
                    starts[post] = Stopwatch.GetTimestamp();
                    using var response = http.Send(request);
                    var postTime = Stopwatch.GetElapsedTime(starts[post]).TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                        throw new InvalidOperationException($"{target.Server.Name}: POST answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
                    if (post >= warmUpPosts) postTimes.Add(postTime);
                    arrivals.WaitFor(post, DeliveryTimeout);
                    Thread.Sleep(20);
                }
                done.SetResult((starts, postTimes));
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        }) { Name = "Writer", IsBackground = true };
        writer.Start();
        return done.Task;
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
                    .WithUrl(new Uri(target.Server.Url, "hubs/annotations"), HttpTransportType.WebSockets, options =>
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
