using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A client of /hubs/annotations that records what the server sends, in order. Tests wait for one event
/// and can then assert on everything that arrived before it: an event the server sent after another one
/// on the same connection cannot overtake it, so a later event a reader does receive is the barrier that
/// makes "never received" meaningful without sleeping.
/// </summary>
public sealed class HubListener : IAsyncDisposable
{
    public const string Created = "annotationCreated";
    public const string Updated = "annotationUpdated";
    public const string Deleted = "annotationDeleted";
    public const string Notification = "notificationCreated";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Channel<HubEvent> incoming = Channel.CreateUnbounded<HubEvent>();
    private readonly List<HubEvent> received = [];

    // A user's notifications come on every connection of theirs, joined or not, at their own moment (made in the
    // background): kept apart, so that what a test asserts about a document's events is not muddled by them.
    private readonly Channel<HubEvent> notifications = Channel.CreateUnbounded<HubEvent>();
    private readonly List<HubEvent> notificationsReceived = [];

    private HubListener(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in new[] { Created, Updated, Deleted })
            connection.On<JsonElement>(name, payload => incoming.Writer.TryWrite(new HubEvent(name, payload)));
        connection.On<JsonElement>(Notification, payload => notifications.Writer.TryWrite(new HubEvent(Notification, payload)));
    }

    public HubConnection Connection { get; }

    /// <summary>Every event taken so far by <see cref="WaitForAsync"/>, the awaited one included.</summary>
    public IReadOnlyList<HubEvent> Received => received;

    /// <summary>Every <c>notificationCreated</c> taken so far by <see cref="WaitForAsync(string, Func{HubEvent, bool}, string)"/>.</summary>
    public IReadOnlyList<HubEvent> NotificationsReceived => notificationsReceived;

    /// <summary>
    /// Connects through the test server's handler (long polling: TestServer has no real sockets) with
    /// the bearer token, as a non-browser client would; with no token, as someone signed out.
    /// </summary>
    public static async Task<HubListener> ConnectAsync(TestServer server, string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/annotations"), HttpTransportType.LongPolling, options =>
            {
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var listener = new HubListener(connection);
        await connection.StartAsync();
        return listener;
    }

    public Task JoinAsync(int documentId) => Connection.InvokeAsync("Join", documentId);

    /// <summary>Waits for <paramref name="name"/> about the annotation <paramref name="annotationIri"/>.</summary>
    public Task<HubEvent> WaitForAsync(string name, string annotationIri) => WaitForAsync(name, e => e.AnnotationIri == annotationIri, annotationIri);

    /// <summary>Waits for <paramref name="name"/> with a payload that <paramref name="match"/> accepts.</summary>
    public async Task<HubEvent> WaitForAsync(string name, Func<HubEvent, bool> match, string what = "the expected payload")
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (true)
            {
                var next = await (name == Notification ? notifications : incoming).Reader.ReadAsync(timeout.Token);
                (name == Notification ? notificationsReceived : received).Add(next);
                if (next.Name == name && match(next)) return next;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No {name} for {what} within {Timeout.TotalSeconds} s. Received: {string.Join(", ", name == Notification ? notificationsReceived : received)}");
            throw;
        }
    }

    /// <summary>
    /// Takes whatever has arrived by now without waiting, into <see cref="Received"/>: for a connection
    /// that has no later event to wait for (one that may see nothing), after a barrier reached the others.
    /// </summary>
    public IReadOnlyList<HubEvent> TakeArrived()
    {
        while (incoming.Reader.TryRead(out var next)) received.Add(next);
        return received;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
