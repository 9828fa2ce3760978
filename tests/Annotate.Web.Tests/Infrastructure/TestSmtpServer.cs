using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Server = SmtpServer.SmtpServer;
using ServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// An SMTP server in the test process, on a free port of 127.0.0.1, that keeps every mail it accepts.
/// It can refuse the first attempts (451, "try again later") or every one for good (550), and can
/// require a user name and password. <see cref="AppSettings"/> points an app at it.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public const string PublicOrigin = "https://annotate.example.org";
    public const string From = "Annotate <annotate@example.org>";

    private readonly Server server;
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly Lock gate = new();
    private readonly List<MimeMessage> received = [];
    private readonly (string User, string Password)? credentials;
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int refusalsLeft;
    private int attempts;

    private TestSmtpServer(int refuseFirst, bool refuseForGood, (string User, string Password)? credentials)
    {
        refusalsLeft = refuseForGood ? int.MaxValue : refuseFirst;
        this.credentials = credentials;
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AllowUnsecureAuthentication(true)
                .AuthenticationRequired(credentials is not null))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        if (credentials is { } c)
            services.Add(new DelegatingUserAuthenticator((user, password) => user == c.User && password == c.Password));
        server = new Server(options, services);
        running = server.StartAsync(stop.Token);
    }

    /// <summary>A server that accepts every mail.</summary>
    public static TestSmtpServer Start((string User, string Password)? credentials = null) => new(0, refuseForGood: false, credentials);

    /// <summary>A server that answers 451 (a temporary failure) to the first <paramref name="attempts"/> mails, then accepts.</summary>
    public static TestSmtpServer RefusingFirst(int attempts) => new(attempts, refuseForGood: false, credentials: null);

    /// <summary>A server that answers 550 (refused for good) to every mail.</summary>
    public static TestSmtpServer RefusingForGood() => new(0, refuseForGood: true, credentials: null);

    public int Port { get; }

    /// <summary>Mails handed over, refused ones included.</summary>
    public int Attempts => Volatile.Read(ref attempts);

    public IReadOnlyList<MimeMessage> Received
    {
        get { lock (gate) return [.. received]; }
    }

    /// <summary>Settings that make an app send its mail here (plain SMTP), with links on <see cref="PublicOrigin"/> and quick retries.</summary>
    public Dictionary<string, string> AppSettings(params (string Key, string Value)[] more) =>
        credentials is { } c ? SettingsFor(Port, [("Email:Smtp:User", c.User), ("Email:Smtp:Password", c.Password), .. more]) : SettingsFor(Port, more);

    /// <summary>Settings that make an app send its mail to 127.0.0.1 at <paramref name="port"/>, whatever is there (or nothing).</summary>
    public static Dictionary<string, string> SettingsFor(int port, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = From,
            ["Email:RetrySeconds"] = "0.05",
            ["App:PublicOrigin"] = PublicOrigin,
        };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    /// <summary>The first mail to <paramref name="to"/> that matches, waiting for it as long as <paramref name="timeout"/> (10 s unless given).</summary>
    public async Task<ReceivedMail> WaitForMailAsync(string to, Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task next;
            lock (gate)
            {
                var found = received.FirstOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(m) ?? true));
                if (found is not null) return new ReceivedMail(found);
                next = arrived.Task;
            }
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No mail to {to} arrived; the server has {Received.Count}: {string.Join(", ", Received.Select(m => $"\"{m.Subject}\" to {m.To}"))}.");
            }
        }
    }

    /// <summary>The mails to <paramref name="to"/> received so far.</summary>
    public List<MimeMessage> MailTo(string to) =>
        [.. Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await stop.CancelAsync();
        try { await running.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException) { /* stopped */ }
        stop.Dispose();
    }

    private SmtpResponse Accept(ReadOnlySequence<byte> buffer)
    {
        Interlocked.Increment(ref attempts);
        if (refusalsLeft == int.MaxValue) return new SmtpResponse((SmtpReplyCode)550, "No such mailbox here");
        if (Interlocked.Decrement(ref refusalsLeft) >= 0) return new SmtpResponse((SmtpReplyCode)451, "Busy, try again later");

        using var stream = new MemoryStream(buffer.ToArray());
        var message = MimeMessage.Load(stream);
        lock (gate)
        {
            received.Add(message);
            var done = arrived;
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.SetResult();
        }
        return SmtpResponse.Ok;
    }

    /// <summary>A port of 127.0.0.1 that nothing listens on (at this moment).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
            Task.FromResult(owner.Accept(buffer));
    }
}
