using System.Globalization;
using System.Net;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// Settings that turn the rate limits on with small windows for a test of the limits themselves (the
/// other tests run with them off), and a way to come from another network address: forwarded headers
/// are trusted here, as behind a proxy configured with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>.
/// </summary>
public static class TestLimits
{
    public sealed record Limit(string Policy, int PerPerson, int PerAddress, double WindowSeconds);

    public static IReadOnlyDictionary<string, string> On(params Limit[] limits)
    {
        var settings = new Dictionary<string, string>
        {
            ["RateLimits:Enabled"] = "true",
            ["ForwardedHeaders_Enabled"] = "true",
        };
        foreach (var limit in limits)
        {
            settings[$"RateLimits:{limit.Policy}:PermitLimit"] = limit.PerPerson.ToString(CultureInfo.InvariantCulture);
            settings[$"RateLimits:{limit.Policy}:AddressPermitLimit"] = limit.PerAddress.ToString(CultureInfo.InvariantCulture);
            settings[$"RateLimits:{limit.Policy}:WindowSeconds"] = limit.WindowSeconds.ToString(CultureInfo.InvariantCulture);
        }
        return settings;
    }

    /// <summary>Requests from <paramref name="client"/> come from <paramref name="address"/> (X-Forwarded-For).</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>Asserts 429 with a whole-seconds Retry-After and problem+json; returns the sentence and the wait.</summary>
    public static async Task<(string Detail, TimeSpan RetryAfter)> ShouldBeRateLimitedAsync(this HttpResponseMessage response)
    {
        var detail = await response.ProblemDetailAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 }, $"Retry-After should be whole seconds, was {response.Headers.RetryAfter}.");
        return (detail, retryAfter!.Value);
    }

    /// <summary>Waits until a window that refused with <paramref name="retryAfter"/> has surely rolled over.</summary>
    public static Task WaitOutAsync(TimeSpan retryAfter) => Task.Delay(retryAfter + TimeSpan.FromMilliseconds(300));
}
