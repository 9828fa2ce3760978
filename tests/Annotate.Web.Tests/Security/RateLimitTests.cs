using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Tests.Infrastructure;
using static Annotate.Web.Tests.Infrastructure.TestLimits;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// The API's rate limits: over a limit, 429 with Retry-After and a problem+json sentence; after the
/// window, the same call works again. Each test runs its own app with small limits (the other tests
/// run with the limits off).
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Signing_in_to_one_account_is_limited_and_recovers_while_other_accounts_still_sign_in()
    {
        await using var app = AnnotateApp.WithSettings(On(new Limit("SignIn", PerPerson: 2, PerAddress: 0, WindowSeconds: 3)));
        var other = await app.RegisterAsync("other");
        const string victim = "victim@example.org";
        await (await app.CreateApiClient().PostAsJsonAsync("/api/auth/register", new { email = victim, password = AnnotateApp.Password }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await LoginAsync(app, victim, "wrong-password")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await (await LoginAsync(app, victim, "wrong-again")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        var (detail, retryAfter) = await (await LoginAsync(app, victim, AnnotateApp.Password)).ShouldBeRateLimitedAsync();

        Assert.Equal("Too many sign-in attempts for this account. Try again in 3 seconds.", detail);
        await (await LoginAsync(app, other.Email, AnnotateApp.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await WaitOutAsync(retryAfter);
        await (await LoginAsync(app, victim.ToUpperInvariant(), AnnotateApp.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Signing_in_from_one_address_is_limited_whatever_the_account_and_other_addresses_are_not()
    {
        await using var app = AnnotateApp.WithSettings(On(new Limit("SignIn", PerPerson: 0, PerAddress: 3, WindowSeconds: 60)));
        var a = await app.RegisterAsync("a");
        var b = await app.RegisterAsync("b");

        var client = app.CreateApiClient().From("203.0.113.7");
        await (await client.PostAsJsonAsync("/api/auth/login", new { email = a.Email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/auth/login", new { email = b.Email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.org", password = "x" })).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        var (detail, retryAfter) = await (await client.PostAsJsonAsync("/api/auth/login", new { email = a.Email, password = AnnotateApp.Password })).ShouldBeRateLimitedAsync();

        Assert.StartsWith("Too many sign-in attempts from here. Try again in ", detail);
        Assert.InRange(retryAfter.TotalSeconds, 1, 60);
        var elsewhere = app.CreateApiClient().From("198.51.100.20");
        await (await elsewhere.PostAsJsonAsync("/api/auth/login", new { email = a.Email, password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Registering_is_limited_per_address()
    {
        await using var app = AnnotateApp.WithSettings(On(new Limit("Register", PerPerson: 0, PerAddress: 2, WindowSeconds: 60)));
        var client = app.CreateApiClient().From("203.0.113.8");

        for (var i = 0; i < 2; i++)
            await (await client.PostAsJsonAsync("/api/auth/register", new { email = $"new.{i}@example.org", password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var (detail, _) = await (await client.PostAsJsonAsync("/api/auth/register", new { email = "new.2@example.org", password = AnnotateApp.Password })).ShouldBeRateLimitedAsync();

        Assert.StartsWith("Too many new accounts from here. Try again in ", detail);
        var elsewhere = app.CreateApiClient().From("198.51.100.21");
        await (await elsewhere.PostAsJsonAsync("/api/auth/register", new { email = "new.2@example.org", password = AnnotateApp.Password })).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Guessing_join_codes_is_stopped_per_user_and_per_address()
    {
        await using var app = AnnotateApp.WithSettings(On(new Limit("Join", PerPerson: 3, PerAddress: 4, WindowSeconds: 600)));
        var teacher = await app.RegisterAsync("teacher");
        var (_, joinCode) = await app.CreateSeminarAsync(teacher);
        var guesser = await app.RegisterAsync("guesser");
        var friend = await app.RegisterAsync("friend");
        var http = guesser.Http.From("203.0.113.9");

        foreach (var guess in new[] { "AAAAAAAA", "AAAAAAAB", "AAAAAAAC" })
            await (await JoinAsync(http, guess)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        // Even the right code: the user has used up their attempts.
        var (mine, _) = await (await JoinAsync(http, joinCode)).ShouldBeRateLimitedAsync();
        Assert.StartsWith("Too many attempts to join a seminar in a short time. Try again in ", mine);

        // Another account on the same address has the address's last attempt, and no more.
        var friendHttp = friend.Http.From("203.0.113.9");
        await (await JoinAsync(friendHttp, "AAAAAAAD")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        var (fromHere, _) = await (await JoinAsync(friendHttp, joinCode)).ShouldBeRateLimitedAsync();
        Assert.StartsWith("Too many attempts to join a seminar from here. Try again in ", fromHere);

        // The same account elsewhere joins: the limit was the address's.
        await (await JoinAsync(friend.Http.From("198.51.100.22"), joinCode)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Memberships WHERE UserId = $id", ("$id", guesser.Id)));
    }

    public static TheoryData<string> LimitedCalls => ["AnnotationWrites", "Import", "Export", "Join", "Search"];

    [Theory]
    [MemberData(nameof(LimitedCalls))]
    public async Task Each_limited_call_answers_429_over_its_limit_and_works_again_after_the_window(string policy)
    {
        // Two seconds: the second call surely comes within the window, even on a busy machine.
        await using var app = AnnotateApp.WithSettings(On(new Limit(policy, PerPerson: 1, PerAddress: 0, WindowSeconds: 2)));
        var room = await app.CreateClassroomAsync();
        var call = Call(policy, room);

        var first = await call();
        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        var (detail, retryAfter) = await (await call()).ShouldBeRateLimitedAsync();

        Assert.EndsWith(" in a short time. Try again in 2 seconds.", detail);
        Assert.Equal(TimeSpan.FromSeconds(2), retryAfter);
        await WaitOutAsync(retryAfter);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await call()).StatusCode);
    }

    [Fact]
    public async Task With_the_limits_off_nothing_is_limited()
    {
        var settings = new Dictionary<string, string>(On(new Limit("Join", PerPerson: 1, PerAddress: 1, WindowSeconds: 600))) { ["RateLimits:Enabled"] = "false" };
        await using var app = AnnotateApp.WithSettings(settings);
        var student = await app.RegisterAsync("student");

        for (var i = 0; i < 5; i++)
            await (await JoinAsync(student.Http, "AAAAAAAA")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    private static Func<Task<HttpResponseMessage>> Call(string policy, Classroom room) => policy switch
    {
        "AnnotationWrites" => () => room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("class struggles")),
        "Import" => () => room.StudentA.Http.PostAsync($"/api/documents/{room.DocumentId}/import",
            new StringContent("[]", System.Text.Encoding.UTF8, "application/json")),
        "Export" => () => room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}/export?format=csv"),
        "Join" => () => JoinAsync(room.Outsider.Http, "AAAAAAAA"),
        "Search" => () => room.StudentA.Http.GetAsync($"/api/search?q=marx&seminar={room.SeminarId}"),
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };

    private static Task<HttpResponseMessage> JoinAsync(HttpClient http, string joinCode) =>
        http.PostAsJsonAsync("/api/seminars/join", new { joinCode });

    private static Task<HttpResponseMessage> LoginAsync(AnnotateApp app, string email, string password) =>
        app.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email, password });
}
