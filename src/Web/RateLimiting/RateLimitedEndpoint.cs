namespace Annotate.Web.RateLimiting;

/// <summary>Endpoint metadata: which rate limit the endpoint counts against (see <see cref="RateLimits.RequestOf"/>).</summary>
internal sealed record RateLimitedEndpoint(RateLimitPolicy Policy);
