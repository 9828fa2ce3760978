namespace Annotate.Web.RateLimiting;

/// <summary>
/// What a rate limit protects. Each has its settings under <c>RateLimits:&lt;name&gt;</c>: a limit per
/// person (the signed-in user, or for sign-in the account asked for) and one per network address.
/// </summary>
internal enum RateLimitPolicy
{
    /// <summary>No limit: requests to endpoints that name no policy.</summary>
    None,
    SignIn,
    Register,
    Join,
    AnnotationWrites,
    Import,
    Export,
    Preview,
    Search,
}
