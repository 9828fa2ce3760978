namespace Annotate.Shared.Text;

public static class MarkdownRenderer
{
    /// <summary>Markdown to HTML that is safe to put in a page: Markdig, then HtmlSanitizer.</summary>
    public static string ToSafeHtml(string markdown) => throw new NotImplementedException();
}
