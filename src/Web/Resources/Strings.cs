namespace Annotate.Web.Resources;

/// <summary>
/// The app's words for people, in <c>Strings.resx</c> (English, the neutral language) and <c>Strings.vi.resx</c>:
/// components take <c>IStringLocalizer&lt;Strings&gt;</c>. Keys name the place and the meaning ("AppBar.SignIn"), not
/// the English words, so a key shown as text stands out and a changed English sentence keeps its translation's key.
/// </summary>
public sealed class Strings;
