using Annotate.Web.Resources;
namespace Annotate.Web.RateLimiting;

/// <summary>Whether an attempt may go ahead; when not, how long to wait and the sentence that says so.</summary>
internal sealed record RateLimitVerdict(bool Allowed, TimeSpan RetryAfter, string? Message)
{
    public static readonly RateLimitVerdict Allow = new(true, TimeSpan.Zero, null);

    /// <summary>429 with <c>Retry-After</c> on a response whose page shows <see cref="Message"/> itself (the sign-in form).</summary>
    public void ApplyTo(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = TooManyRequests.Seconds(RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The answer of an API endpoint: 429, <c>Retry-After</c> and the sentence as problem+json.</summary>
    public TooManyRequests ToResult() => new(Message ?? Words.Text("RateLimit.Default"), RetryAfter);
}
