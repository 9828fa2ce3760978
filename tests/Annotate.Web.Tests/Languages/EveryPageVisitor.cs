namespace Annotate.Web.Tests.Languages;

/// <summary>Who looks at a page in <see cref="EveryPageTests"/> (each has a browser of their own in <see cref="EveryPageScene"/>).</summary>
public enum EveryPageVisitor
{
    SignedOut,
    Teacher,
    Student,
    Outsider,
    /// <summary>An account with two-factor sign-in, signed in (the manage pages).</summary>
    Manager,
    /// <summary>The same account in another browser, password given and code not yet (the 2FA sign-in pages).</summary>
    HalfSignedIn,
}
