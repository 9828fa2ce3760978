using System.Net;
using System.Net.Http.Json;
using Annotate.Web.RateLimiting;
using Annotate.Web.Tests.Infrastructure;
using static Annotate.Web.Tests.Infrastructure.TestLimits;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// With Redis, the rate limits hold across instances: two instances give a person (and an address) one
/// allowance, not one each; over it, 429 with Retry-After and problem+json as on one instance. With Redis
/// away the limits fail open: attempts go ahead and the operator is warned.
/// </summary>
public sealed class SharedRateLimitTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [RedisFact]
    public async Task A_persons_writes_count_once_across_both_instances()
    {
        await using var instances = new TwoInstances(redis, On(new Limit("AnnotationWrites", PerPerson: 3, PerAddress: 0, WindowSeconds: 60)));
        var room = await instances.A.CreateClassroomAsync();
        var studentOnA = room.StudentA;
        var studentOnB = instances.B.As(room.StudentA);

        await studentOnA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "One on A."));
        await studentOnB.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "One on B."));
        await studentOnA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Another on A."));
        var (detailOnB, retryAfter) = await (await studentOnB.PostAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Too many."))).ShouldBeRateLimitedAsync();
        var (detailOnA, _) = await (await studentOnA.PostAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Too many."))).ShouldBeRateLimitedAsync();

        Assert.StartsWith("Too many annotations written or changed in a short time. Try again in ", detailOnB);
        Assert.StartsWith("Too many annotations written or changed in a short time. Try again in ", detailOnA);
        Assert.InRange(retryAfter.TotalSeconds, 1, 60);
        Assert.Equal(3, await instances.A.Database.CountAsync("SELECT COUNT(*) FROM Annotations"));
        // Another person's window is their own.
        await instances.B.As(room.StudentB).CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "Someone else."));
    }

    [RedisFact]
    public async Task Sign_in_attempts_from_one_address_count_once_across_both_instances()
    {
        await using var instances = new TwoInstances(redis, On(new Limit("SignIn", PerPerson: 0, PerAddress: 3, WindowSeconds: 600)));
        var user = await instances.A.RegisterAsync("roaming");
        var fromA = instances.A.CreateApiClient().From("203.0.113.70");
        var fromB = instances.B.CreateApiClient().From("203.0.113.70");

        await (await SignInAsync(fromA, user)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await SignInAsync(fromB, user)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await SignInAsync(fromA, user)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var (detail, retryAfter) = await (await SignInAsync(fromB, user)).ShouldBeRateLimitedAsync();

        Assert.StartsWith("Too many sign-in attempts from here. Try again in ", detail);
        Assert.InRange(retryAfter.TotalSeconds, 1, 600);
        await (await SignInAsync(fromA, user)).ShouldBeRateLimitedAsync();
        await (await SignInAsync(instances.B.CreateApiClient().From("198.51.100.70"), user)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [RedisFact]
    public async Task A_window_counted_in_Redis_ends_for_both_instances_when_Retry_After_says()
    {
        await using var instances = new TwoInstances(redis, On(new Limit("SignIn", PerPerson: 0, PerAddress: 1, WindowSeconds: 3)));
        var user = await instances.A.RegisterAsync("waiting");
        var fromA = instances.A.CreateApiClient().From("203.0.113.72");
        var fromB = instances.B.CreateApiClient().From("203.0.113.72");

        await (await SignInAsync(fromA, user)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var (_, retryAfter) = await (await SignInAsync(fromB, user)).ShouldBeRateLimitedAsync();
        await WaitOutAsync(retryAfter);

        Assert.InRange(retryAfter.TotalSeconds, 1, 3);
        await (await SignInAsync(fromB, user)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [RedisFact]
    public async Task The_Log_in_form_on_one_instance_counts_with_the_API_on_the_other()
    {
        await using var instances = new TwoInstances(redis, On(new Limit("SignIn", PerPerson: 3, PerAddress: 0, WindowSeconds: 600)));
        // Registering signs in once through the API on A; two wrong passwords there make three.
        var user = await instances.A.RegisterAsync("forgetful");
        for (var i = 0; i < 2; i++)
            await (await instances.A.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "not-my-password" }))
                .ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);

        var refused = await AccountPages.LogInAsync(AccountPages.Browser(instances.B), user.Email, user.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many sign-in attempts for this account. Try again in 10 minutes.", await refused.Content.ReadAsStringAsync());
    }

    [RedisFact]
    public async Task With_Redis_away_the_limits_fail_open_and_say_so_then_count_again_when_it_is_back()
    {
        await using var instances = new TwoInstances(redis, On(new Limit("SignIn", PerPerson: 0, PerAddress: 1, WindowSeconds: 60)));
        var user = await instances.A.RegisterAsync("patient");
        var client = instances.A.CreateApiClient().From("203.0.113.71");
        await (await SignInAsync(client, user)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await SignInAsync(client, user)).ShouldBeRateLimitedAsync();

        await redis.StopAsync();
        try
        {
            for (var i = 0; i < 3; i++) await (await SignInAsync(client, user)).ShouldHaveStatusAsync(HttpStatusCode.OK);
            Assert.Single(instances.A.Logs.Entries, e => e.Category == typeof(RedisWindows).FullName
                && e.Message == "Redis cannot count rate limits: attempts go ahead uncounted (the limits fail open) until it is back");
        }
        finally
        {
            await redis.StartAgainAsync();
        }

        // Redis came back empty: the window starts again, and counts.
        await instances.A.WaitUntilReadyAsync();
        await (await SignInAsync(client, user)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await SignInAsync(client, user)).ShouldBeRateLimitedAsync();
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, ApiUser user) =>
        client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
}
