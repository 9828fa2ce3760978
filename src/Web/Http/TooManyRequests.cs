using Annotate.Web.Resources;
using System.Globalization;

namespace Annotate.Web;

/// <summary>
/// 429 with <c>Retry-After</c> in whole seconds and a problem+json sentence that says when to try again:
/// the answer of every rate limit and of work that is busy (imports, printable exports).
/// </summary>
internal sealed class TooManyRequests(string detail, TimeSpan retryAfter) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
            .ExecuteAsync(httpContext);
    }

    /// <summary>Whole seconds, rounded up and at least one: the client must not come back before the time is over.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>"40 seconds", "1 second", "3 minutes": when to try again, in words.</summary>
    public static string InWords(TimeSpan wait)
    {
        var seconds = Seconds(wait);
        if (seconds < 120) return seconds == 1 ? Words.Text("RateLimit.OneSecond") : Words.Text("RateLimit.Seconds", seconds);
        return Words.Text("RateLimit.Minutes", (seconds + 59) / 60);
    }
}
