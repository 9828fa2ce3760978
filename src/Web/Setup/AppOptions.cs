namespace Annotate.Web.Setup;

/// <summary>The <c>App</c> section: facts about this installation that no request can tell.</summary>
internal sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// Where people reach the app (<c>https://annotate.example.org</c>). Links in e-mail are built on it, not
    /// on the Host header of the request that caused the mail: a forged Host would otherwise send a password
    /// reset link to the forger's site.
    /// </summary>
    public string? PublicOrigin { get; set; }

    /// <summary><see cref="PublicOrigin"/> as browsers write an origin, or null when it is unset or not an origin.</summary>
    public string? NormalisedPublicOrigin => RequestOrigin.NormaliseOrigin(PublicOrigin?.Trim());

    public bool IsValid => string.IsNullOrWhiteSpace(PublicOrigin) || NormalisedPublicOrigin is not null;
}
