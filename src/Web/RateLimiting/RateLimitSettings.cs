namespace Annotate.Web.RateLimiting;

/// <summary>
/// One policy's fixed window: at most <see cref="PermitLimit"/> attempts per person and
/// <see cref="AddressPermitLimit"/> per network address in each window of <see cref="WindowSeconds"/>;
/// 0 leaves that kind unlimited. Both hold at once.
/// </summary>
internal sealed class RateLimitSettings
{
    public static readonly RateLimitSettings Unlimited = new();

    /// <summary>Per signed-in user (for sign-in: per account asked for); 0 for none.</summary>
    public int PermitLimit { get; set; }

    /// <summary>Per network address, however many accounts use it; 0 for none. A classroom shares one address.</summary>
    public int AddressPermitLimit { get; set; }

    /// <summary>The window's length; fractions are allowed (tests use short windows).</summary>
    public double WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
