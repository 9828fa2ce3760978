using AngleSharp.Html.Parser;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>
/// A server-rendered page read as a browser reads it: its text, and a form as the browser submits it — its
/// hidden fields, among them Blazor's form name (<c>_handler</c>) and the antiforgery token. Any form's
/// token does for another form of the same page, as it would for someone crafting a request from the
/// page: the server must still refuse what it should.
/// </summary>
public static class HtmlPage
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>What a person reads: the text of the page's main element (entities decoded, whitespace collapsed).</summary>
    public static string MainText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = (document.QuerySelector("main") ?? document.Body)?.TextContent ?? "";
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The hidden fields of the page's form named <paramref name="formName"/>, or null when there is none.</summary>
    public static Dictionary<string, string>? FormFields(string html, string formName)
    {
        var form = new HtmlParser().ParseDocument(html).QuerySelectorAll("form")
            .FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null);
        return form?.QuerySelectorAll("input[type='hidden']")
            .Where(input => input.GetAttribute("name") is not null)
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
    }

    /// <summary>The submit buttons' labels of the page's form named <paramref name="formName"/>.</summary>
    public static List<string> FormButtons(string html, string formName) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("form")
            .Where(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            .SelectMany(f => f.QuerySelectorAll("button[type='submit']"))
            .Select(b => b.TextContent.Trim())
            .ToList();

    /// <summary>The antiforgery token of any form on the page (the sign-out form in the app bar has one), or null.</summary>
    public static string? AnyToken(string html) => FormToken(html, "form");

    /// <summary>The antiforgery token of the first form matching <paramref name="formSelector"/>, or null.</summary>
    public static string? FormToken(string html, string formSelector) =>
        new HtmlParser().ParseDocument(html).QuerySelector($"{formSelector} input[name='{TokenField}']")?.GetAttribute("value");
}
