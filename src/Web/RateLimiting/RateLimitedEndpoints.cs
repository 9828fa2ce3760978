namespace Annotate.Web.RateLimiting;

internal static class RateLimitedEndpoints
{
    /// <summary>Counts the endpoint's requests against <paramref name="policy"/> (answering 429 over it).</summary>
    public static TBuilder WithRateLimit<TBuilder>(this TBuilder builder, RateLimitPolicy policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitedEndpoint(policy));
}
