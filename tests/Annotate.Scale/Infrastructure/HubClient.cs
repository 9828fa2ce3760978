using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Annotate.E2E.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Annotate.Scale.Infrastructure;

/// <summary>
/// A client of /hubs/annotations as an integration would be one: a bearer token from /api/auth/login (any
/// instance's token works on every instance), the negotiate request and then a WebSocket. It records
/// annotationCreated in order; a later event that did arrive is the barrier that makes "never received"
/// meaningful. With <c>reconnect</c> it reconnects on its own and joins its document again.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly Channel<string> created = Channel.CreateUnbounded<string>();
    private readonly List<string> received = [];
    private readonly TaskCompletionSource rejoined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HubConnection connection;
    private int? documentId;

    private HubClient(HubConnection connection)
    {
        this.connection = connection;
        connection.On<JsonElement>("annotationCreated", annotation => created.Writer.TryWrite(annotation.GetProperty("id").GetString()!));
        connection.Reconnected += async _ =>
        {
            if (documentId is { } document) await connection.InvokeAsync("Join", document);
            rejoined.TrySetResult();
        };
    }

    /// <summary>
    /// Connects to <paramref name="server"/> (an instance, or nginx) as <paramref name="email"/>. Through nginx,
    /// <paramref name="node"/> is the stickiness cookie's value: where nginx keeps this client.
    /// </summary>
    public static async Task<HubClient> ConnectAsync(Uri server, string email, string? node = null, bool reconnect = false)
    {
        var token = await LogInAsync(server, email);
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server, "hubs/annotations"), options =>
        {
            options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            if (node is not null) options.Cookies.Add(new Cookie(ScaleSetUp.NodeCookie, node, "/", server.Host));
        });
        if (reconnect) builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)]);
        var client = new HubClient(builder.Build());
        await client.connection.StartAsync();
        return client;
    }

    /// <summary>Completes once the client has reconnected after losing its connection and joined its document again.</summary>
    public Task Rejoined => rejoined.Task;

    public async Task JoinAsync(int document)
    {
        await connection.InvokeAsync("Join", document);
        documentId = document;
    }

    /// <summary>Waits for annotationCreated of the annotation whose id (an IRI) ends with <paramref name="annotationId"/>.</summary>
    public async Task WaitForCreatedAsync(string annotationId)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (true)
            {
                var next = await created.Reader.ReadAsync(timeout.Token);
                received.Add(next);
                if (next.EndsWith(annotationId, StringComparison.OrdinalIgnoreCase)) return;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No annotationCreated for {annotationId} within {Timeout.TotalSeconds} s. Received: {string.Join(", ", received)}");
        }
    }

    /// <summary>The ids of every annotationCreated so far, without waiting.</summary>
    public IReadOnlyList<string> TakeArrived()
    {
        while (created.Reader.TryRead(out var next)) received.Add(next);
        return received;
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private static async Task<string> LogInAsync(Uri server, string email)
    {
        using var http = new HttpClient { BaseAddress = server };
        using var response = await http.PostAsJsonAsync("api/auth/login", new { email, password = People.Password });
        Assert.True(response.IsSuccessStatusCode, $"Logging in {email} at {server} answered {(int)response.StatusCode}.");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
