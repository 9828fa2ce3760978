namespace Annotate.Web.Features.Languages;

/// <summary>
/// The <c>lang</c> of words the app did not write (WCAG 3.1.2, language of parts), so a screen reader speaks them in
/// their own language rather than the page's, and a translation tool knows what it is reading. A document's text,
/// title and the passages quoted from it carry the document's language. Words people type (annotation bodies,
/// seminar and group names) are in no language anyone declared: they carry <c>lang=""</c>, which HTML defines as
/// "unknown", so a screen reader uses the reader's own voice instead of the page's language (a Vietnamese voice
/// spelling out an English comment), while browser translation still offers to translate them. People's names are
/// marked <c>translate="no"</c> as well, since a name is never translated. Blazor leaves out an attribute whose value
/// is null but writes an empty one, so <c>lang="@ContentLanguage.Of(tag)"</c> always marks the element.
/// </summary>
internal static class ContentLanguage
{
    /// <summary>Words in no declared language.</summary>
    public const string Unknown = "";

    /// <summary>The <c>lang</c> of a document's words: its tag, or unknown when nobody set one.</summary>
    public static string Of(string? documentLanguage) => documentLanguage ?? Unknown;
}
