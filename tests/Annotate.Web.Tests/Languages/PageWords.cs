using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// The words a person meets on a page: its title (each part between "·"), the text of its body and the attributes a screen reader or a
/// pointer reads out (<c>aria-label</c>, <c>title</c>, <c>placeholder</c>, <c>alt</c>). Scripts, styles and what is
/// marked as content rather than the page's own words are left out: text with a <c>lang</c> of another language (the
/// article, a document's title, a passage quoted from it), with an empty <c>lang</c> (words people typed, in a language
/// nobody declared: see ContentLanguage) or with <c>translate="no"</c> (people's names), as screen readers and
/// translation tools are told too.
/// </summary>
internal static class PageWords
{
    private static readonly string[] ReadAttributes = ["aria-label", "title", "placeholder", "alt", "aria-description"];

    public static IReadOnlyList<string> Of(string html, string language)
    {
        var document = new HtmlParser().ParseDocument(html);
        var words = new List<string>();
        var content = new HashSet<string>();
        var attributes = new List<string>();
        if (document.Body is { } body) Collect(body, language, words, attributes, content);
        // An attribute cannot mark its parts either: "Overview of The Manifesto" names a title the page marks where it
        // shows it. What the page marks as content is taken out of the attribute, and the rest is read.
        var parts = content.Where(c => c.Length > 0).OrderByDescending(c => c.Length).ToList();
        foreach (var value in attributes)
        {
            var rest = parts.Aggregate(value, (left, part) => left.Replace(part, " ", StringComparison.Ordinal));
            if (rest.Any(char.IsLetter)) words.Add(Normalised(rest));
        }
        // A title cannot mark its parts: "The Manifesto · Annotate" is a document's title (marked where the page shows
        // it) and the app's name. Each part is read alone, and a part the page marks elsewhere is left out.
        if (document.Title is { Length: > 0 } title)
            words.AddRange(title.Split(" · ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(part => !content.Contains(part) && part != "Annotate"));
        return words;
    }

    private static void Collect(IElement element, string language, List<string> words, List<string> attributes, HashSet<string> content)
    {
        if (element.LocalName is "script" or "style" or "template" or "noscript") return;
        if (element.GetAttribute("translate") == "no"
            || element.GetAttribute("lang") is { } lang && (lang.Length == 0 || !lang.StartsWith(language, StringComparison.OrdinalIgnoreCase)))
        {
            content.Add(Normalised(element.TextContent));
            // A part marked again inside (the article's title in the article) is content on its own too.
            foreach (var inner in element.QuerySelectorAll("[lang], [translate=no]")) content.Add(Normalised(inner.TextContent));
            return;
        }
        foreach (var name in ReadAttributes)
            if (element.GetAttribute(name) is { } value && value.Trim() is { Length: > 0 } trimmed) attributes.Add(trimmed);
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement) Collect(childElement, language, words, attributes, content);
            else if (child.NodeType == NodeType.Text && child.TextContent.Trim() is { Length: > 0 } text)
                words.Add(Normalised(text));
        }
    }

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
