using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Annotate.Shared.Text;

public static class MarkdownRenderer
{
    // Raw HTML is escaped by Markdig (DisableHtml), so the only markup is what Markdig itself writes;
    // the sanitizer is the second wall, for URLs Markdig passes through (javascript:, data:, ...).
    // Images are drawn as links to them (ImageLinkRenderer): nothing in a comment loads by itself.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .Use<ImageLinksExtension>()
        .Build();

    // Shared by every request: HtmlSanitizer.Sanitize is thread-safe as long as its configuration is
    // not changed afterwards, and it is only ever configured here.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Markdown to HTML that is safe to put in a page: Markdig, then HtmlSanitizer.</summary>
    public static string ToSafeHtml(string markdown)
    {
        if (string.IsNullOrEmpty(markdown)) return "";
        if (Rendered.TryGet(markdown, out var cached)) return cached;
        var html = Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        // Sanitising parses the HTML and is the dearest step of drawing a long discussion, which every
        // reader and every re-render repeats for the same comments.
        Rendered.Set(markdown, html);
        return html;
    }

    /// <summary>Comments rendered before, bounded by the memory they hold (source and HTML), least recently used dropped first.</summary>
    internal const long CacheBudgetBytes = 16L * 1024 * 1024;

    internal static readonly LruTextCache Rendered = new(CacheBudgetBytes);

    private static HtmlSanitizer CreateSanitizer()
    {
        // Start from nothing and allow what Markdig's pipeline above can produce, rather than trust
        // the library's broad defaults (which allow style, forms and more). Nothing allowed here makes a
        // browser fetch anything as it draws the page: no img, picture, source, video, audio, iframe, link,
        // meta, base, form or button, and no src, srcset, poster, style (url()), action or ping. The only
        // address left is a link's href, followed when a reader chooses to.
        var options = HtmlSanitizerOptions.Empty();
        foreach (var tag in new[]
        {
            "p", "br", "hr", "em", "strong", "del", "s", "ins", "mark", "sub", "sup", "code", "pre",
            "blockquote", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "thead", "tbody", "tr", "th", "td",
            // An image that is not even a link ("🖼 alt (image not loaded)").
            "span",
            // Task lists render a disabled checkbox.
            "input",
        })
        {
            options.AllowedTags.Add(tag);
        }
        foreach (var attribute in new[] { "href", "title", "start", "type", "checked", "disabled", "class" })
            options.AllowedAttributes.Add(attribute);
        foreach (var cssClass in new[] { "contains-task-list", "task-list-item", "task-list-item-checkbox", ImageLinkRenderer.CssClass, ImageLinkRenderer.MentionClass })
            options.AllowedClasses.Add(cssClass);
        foreach (var scheme in new[] { "http", "https", "mailto" })
            options.AllowedSchemes.Add(scheme);
        // Empty() screens no attribute for URLs until told which ones hold them.
        options.UriAttributes.Add("href");

        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } link && link.HasAttribute("href"))
            {
                // Comments link to outside pages: open them apart from the reading page, don't hand
                // it to them (window.opener) and don't lend them our ranking.
                link.SetAttribute("rel", "noopener noreferrer nofollow");
                link.SetAttribute("target", "_blank");
            }
            if (e.Node is IElement { LocalName: "input" } input)
            {
                // Only the task-list checkbox is expected; pin any input to an inert, disabled one.
                input.SetAttribute("type", "checkbox");
                input.SetAttribute("disabled", "disabled");
            }
        };
        return sanitizer;
    }
}
