using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Annotate.Shared.Text;

/// <summary>
/// Draws a Markdown image as a link to it rather than the image: "🖼 alt text (example.org)". An image
/// loads by itself, so a comment could make every reader's browser call any server (their address, the
/// moment they read); a link is followed only by whoever chooses to. A source no link may point at
/// (data:, javascript:…) and an image inside a link (links do not nest) are text saying the image was not
/// loaded. A mention (<c>@[Name](user:id)</c>) is drawn as the name. Every other link is drawn as Markdig draws it.
/// </summary>
internal sealed class ImageLinkRenderer : LinkInlineRenderer
{
    public const string CssClass = "md-image";

    protected override void Write(HtmlRenderer renderer, LinkInline link)
    {
        if (Mentions.MentionSyntax.UserIdOf(link) is not null)
        {
            // A mention is the person's name, never a link: "user:" is no address a browser could follow.
            WriteMention(renderer, link);
            return;
        }
        if (!link.IsImage)
        {
            base.Write(renderer, link);
            return;
        }
        var alt = LinkText.Of(link);
        var label = alt.Length == 0 ? "image" : alt;
        var target = ImageSource.Of(link.GetDynamicUrl?.Invoke() ?? link.Url);
        if (!renderer.EnableHtmlForInline)
        {
            // Inside another image's alt text, or plain text output: words only.
            renderer.WriteEscape($"🖼 {label}");
            return;
        }
        if (target is null || InsideLink(link))
        {
            renderer.Write($"<span class=\"{CssClass}\">");
            renderer.WriteEscape($"🖼 {label} ({(target is null ? "image not loaded" : target.Place)})");
            renderer.Write("</span>");
            return;
        }
        renderer.Write($"<a class=\"{CssClass}\" href=\"");
        renderer.WriteEscapeUrl(target.Href);
        renderer.Write("\"");
        if (!string.IsNullOrEmpty(link.Title))
        {
            renderer.Write(" title=\"");
            renderer.WriteEscape(link.Title);
            renderer.Write("\"");
        }
        renderer.Write(">");
        renderer.WriteEscape($"🖼 {label} ({target.Place})");
        renderer.Write("</a>");
    }

    public const string MentionClass = "mention";

    private static void WriteMention(HtmlRenderer renderer, LinkInline link)
    {
        var name = LinkText.Of(link);
        if (!renderer.EnableHtmlForInline)
        {
            renderer.WriteEscape(name);
            return;
        }
        renderer.Write($"<span class=\"{MentionClass}\">");
        renderer.WriteEscape(name);
        renderer.Write("</span>");
    }

    private static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline { IsImage: false }) return true;
        return false;
    }
}
