using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in memory (TestServer) on a real database of its own (a SQLite file, or PostgreSQL: see <see cref="TestDatabase"/>), environment "Testing", demo
/// off unless asked for. Use it as a class fixture (one database per test class), or create one in a
/// test that needs a fresh database, the demo, a restart on the same file (<see cref="On"/>), settings of
/// its own (<see cref="WithSettings"/>) or real sockets (<see cref="OnRealPort"/>).
/// The helpers go through the public API only, as any client would.
/// </summary>
public sealed class AnnotateApp : WebApplicationFactory<Program>
{
    public const string Password = "Seminar-Pass-2026";

    private static int accounts;
    private readonly bool ownsDatabase;
    private readonly bool demo;
    private readonly bool realPort;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly Action<IServiceCollection>? services;
    private readonly ConcurrentBag<HubListener> hubs = [];

    public AnnotateApp() : this(new TestDatabase(), ownsDatabase: true, demo: false)
    {
    }

    private AnnotateApp(TestDatabase database, bool ownsDatabase, bool demo, bool realPort = false, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        this.services = services;
        Database = database;
        this.ownsDatabase = ownsDatabase;
        this.demo = demo;
        this.realPort = realPort;
        this.settings = settings ?? new Dictionary<string, string>();
        if (realPort) UseKestrel(0);
    }

    /// <summary>An app on a database the caller owns and may reuse after disposing this app.</summary>
    public static AnnotateApp On(TestDatabase database, bool demo = false) => new(database, ownsDatabase: false, demo);

    /// <summary>An app on a database the caller owns, with settings of its own: two instances of one installation.</summary>
    public static AnnotateApp On(TestDatabase database, IReadOnlyDictionary<string, string> settings) =>
        new(database, ownsDatabase: false, demo: false, settings: settings);

    /// <summary>
    /// An app on a database the caller owns, with settings and services of its own: an instance that stops before its
    /// background work runs (its worker removed), then a restart on the same database.
    /// </summary>
    public static AnnotateApp On(TestDatabase database, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection> services) =>
        new(database, ownsDatabase: false, demo: false, settings: settings, services: services);

    /// <summary>An app on a fresh database that gives every new account its sample seminar.</summary>
    public static AnnotateApp WithDemo() => new(new TestDatabase(), ownsDatabase: true, demo: true);

    /// <summary>An app on a fresh database with configuration settings of its own ("Identity:Lockout:Minutes", "1").</summary>
    public static AnnotateApp WithSettings(params (string Key, string Value)[] settings) =>
        WithSettings(settings.ToDictionary(s => s.Key, s => s.Value));

    /// <summary>An app on a fresh database with these configuration settings (e.g. <c>Realtime:SubscriberQueue</c>).</summary>
    public static AnnotateApp WithSettings(IReadOnlyDictionary<string, string> settings) =>
        new(new TestDatabase(), ownsDatabase: true, demo: false, settings: settings);

    /// <summary>
    /// An app served by Kestrel on a free port of 127.0.0.1: real sockets, for a client that must behave
    /// like one on a network (a WebSocket that stops reading). TestServer's WebSocket client has no
    /// socket buffers to fill, so it cannot model a stalled reader. Hub listeners still use TestServer's
    /// long polling and are not available here.
    /// </summary>
    public static AnnotateApp OnRealPort(IReadOnlyDictionary<string, string>? settings = null) =>
        new(new TestDatabase(), ownsDatabase: true, demo: false, realPort: true, settings: settings);

    public TestDatabase Database { get; }

    /// <summary>What the app's own code logged (not the framework's), for what only the log tells.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>Scheme and host the test client reaches the app on: the base of every IRI it answers with.</summary>
    public string Origin => realPort ? RootUri.GetLeftPart(UriPartial.Authority) : Server.BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>Where Kestrel listens (<see cref="OnRealPort"/> only), e.g. http://127.0.0.1:41234/.</summary>
    public Uri RootUri
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no address.");
            return new Uri(address.Replace("://[::]", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
        }
    }

    public string DocumentIri(int documentId) => $"{Origin}/documents/{documentId}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches builder.Configuration before Build, where AddAnnotate reads the connection string.
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Annotate", Database.ConnectionString);
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        // Tests register and sign in many accounts in moments: limits are off unless a test turns them on.
        builder.UseSetting("RateLimits:Enabled", "false");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>A client for the API: no cookies, no redirects; with a token, it is signed in by bearer.</summary>
    public HttpClient CreateApiClient(string? token = null)
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        if (realPort) options.BaseAddress = RootUri;
        var client = CreateClient(options);
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The same account (its bearer token) calling this app: a person whom the proxy sends to another instance.</summary>
    public ApiUser As(ApiUser user) => user with { Http = CreateApiClient(user.Token) };

    /// <summary>Registers a new account (unique e-mail from <paramref name="name"/>) and signs it in.</summary>
    public async Task<ApiUser> RegisterAsync(string name = "reader")
    {
        var email = $"{name}.{Interlocked.Increment(ref accounts)}@example.org";
        var response = await CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email, password = Password });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await LoginAsync(email, Password);
    }

    public async Task<ApiUser> LoginAsync(string email, string password = Password)
    {
        var login = await CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        var tokens = await login.JsonAsync();
        Assert.Equal("Bearer", tokens.GetProperty("tokenType").GetString());
        var token = tokens.GetProperty("accessToken").GetString()!;

        var http = CreateApiClient(token);
        var me = await (await http.GetAsync("/api/users/me")).JsonAsync();
        return new ApiUser(me.GetProperty("id").GetString()!, email, password, me.GetProperty("displayName").GetString()!, token, http);
    }

    /// <summary>Creates a seminar with <paramref name="teacher"/> as its teacher; returns its id and join code.</summary>
    public async Task<(int Id, string JoinCode)> CreateSeminarAsync(ApiUser teacher, string name = "Reading group")
    {
        var seminar = await (await teacher.Http.PostAsJsonAsync("/api/seminars", new { name })).JsonAsync(HttpStatusCode.Created);
        return (seminar.GetProperty("id").GetInt32(), seminar.GetProperty("joinCode").GetString()!);
    }

    public async Task JoinAsync(ApiUser student, string joinCode)
    {
        var joined = await (await student.Http.PostAsJsonAsync("/api/seminars/join", new { joinCode })).JsonAsync();
        Assert.Equal("student", joined.GetProperty("role").GetString());
    }

    /// <summary>Adds a document as the seminar's teacher; the text is stored as given (the canonical text).</summary>
    public async Task<int> AddDocumentAsync(ApiUser teacher, int seminarId, string title, string text)
    {
        var response = await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/documents", new { title, text });
        return (await response.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    /// <summary>Waits until /health/ready answers 200 (after an outage of the database or Redis), at most 30 seconds.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var client = CreateApiClient();
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < until, "/health/ready did not answer 200 within 30 seconds.");
            await Task.Delay(100);
        }
    }

    /// <summary>A hub connection of <paramref name="user"/>, started; disposed with the app if the test does not.</summary>
    public async Task<HubListener> ConnectHubAsync(ApiUser user)
    {
        var listener = await HubListener.ConnectAsync(Server, user.Token);
        hubs.Add(listener);
        return listener;
    }

    /// <summary>A seminar with a teacher, two students and a document, plus someone who is not a member.</summary>
    public async Task<Classroom> CreateClassroomAsync(string text = SampleTexts.Manifesto)
    {
        var teacher = await RegisterAsync("teacher");
        var (seminarId, joinCode) = await CreateSeminarAsync(teacher);
        var studentA = await RegisterAsync("student.a");
        var studentB = await RegisterAsync("student.b");
        await JoinAsync(studentA, joinCode);
        await JoinAsync(studentB, joinCode);
        var outsider = await RegisterAsync("outsider");
        var documentId = await AddDocumentAsync(teacher, seminarId, "The Manifesto", text);
        return new Classroom(teacher, studentA, studentB, outsider, seminarId, documentId, DocumentIri(documentId), text);
    }

    public override async ValueTask DisposeAsync()
    {
        // Hub connections poll the server: stop them before the server goes.
        foreach (var hub in hubs) await hub.DisposeAsync();
        await base.DisposeAsync();
        if (ownsDatabase) Database.Dispose();
    }
}
