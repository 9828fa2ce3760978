using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// The words a person meets on a page: its title, the text of its body and the attributes a screen reader or a
/// pointer reads out (<c>aria-label</c>, <c>title</c>, <c>placeholder</c>, <c>alt</c>). Scripts, styles and what is
/// marked as not in the page's language are left out: text with a <c>lang</c> of another language (the article, a
/// document's title) or <c>translate="no"</c> (people's names and words, a seminar's name), as screen readers and
/// translation tools are told too.
/// </summary>
internal static class PageWords
{
    private static readonly string[] ReadAttributes = ["aria-label", "title", "placeholder", "alt", "aria-description"];

    public static IReadOnlyList<string> Of(string html, string language)
    {
        var document = new HtmlParser().ParseDocument(html);
        var words = new List<string>();
        if (document.Title is { Length: > 0 } title) words.Add(title.Trim());
        if (document.Body is { } body) Collect(body, language, words);
        return words;
    }

    private static void Collect(IElement element, string language, List<string> words)
    {
        if (element.LocalName is "script" or "style" or "template" or "noscript") return;
        if (element.GetAttribute("translate") == "no") return;
        if (element.GetAttribute("lang") is { Length: > 0 } lang && !lang.StartsWith(language, StringComparison.OrdinalIgnoreCase)) return;
        foreach (var name in ReadAttributes)
            if (element.GetAttribute(name) is { } value && value.Trim() is { Length: > 0 } trimmed) words.Add(trimmed);
        foreach (var child in element.ChildNodes)
        {
            if (child is IElement childElement) Collect(childElement, language, words);
            else if (child.NodeType == NodeType.Text && child.TextContent.Trim() is { Length: > 0 } text)
                words.Add(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        }
    }
}
