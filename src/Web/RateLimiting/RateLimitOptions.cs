namespace Annotate.Web.RateLimiting;

/// <summary>
/// The <c>RateLimits</c> section: on or off, and per policy how many attempts a window allows. The
/// defaults are in appsettings.json; <c>RateLimits__Enabled=false</c> turns every limit off (load tests).
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    public RateLimitSettings SignIn { get; set; } = new();
    public RateLimitSettings Register { get; set; } = new();
    public RateLimitSettings Join { get; set; } = new();
    public RateLimitSettings AnnotationWrites { get; set; } = new();
    public RateLimitSettings Import { get; set; } = new();
    public RateLimitSettings Export { get; set; } = new();
    public RateLimitSettings Preview { get; set; } = new();
    public RateLimitSettings Search { get; set; } = new();

    public RateLimitSettings For(RateLimitPolicy policy) => policy switch
    {
        RateLimitPolicy.SignIn => SignIn,
        RateLimitPolicy.Register => Register,
        RateLimitPolicy.Join => Join,
        RateLimitPolicy.AnnotationWrites => AnnotationWrites,
        RateLimitPolicy.Import => Import,
        RateLimitPolicy.Export => Export,
        RateLimitPolicy.Preview => Preview,
        RateLimitPolicy.Search => Search,
        _ => RateLimitSettings.Unlimited,
    };

    /// <summary>The sentence for a policy configured so that it could never allow anything, or null when all are usable.</summary>
    public string? Check()
    {
        if (!Enabled) return null;
        foreach (var policy in Enum.GetValues<RateLimitPolicy>().Where(p => p != RateLimitPolicy.None))
        {
            var settings = For(policy);
            if (settings.PermitLimit < 0 || settings.AddressPermitLimit < 0)
                return $"{Section}:{policy}: a permit limit cannot be negative (0 means no limit of that kind).";
            if ((settings.PermitLimit > 0 || settings.AddressPermitLimit > 0) && settings.WindowSeconds <= 0)
                return $"{Section}:{policy}:WindowSeconds must be more than 0.";
        }
        return null;
    }
}
