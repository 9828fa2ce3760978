using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;

namespace Annotate.Shared.Text;

/// <summary>Puts <see cref="ImageLinkRenderer"/> in the place of Markdig's own link renderer.</summary>
internal sealed class ImageLinksExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html) html.ObjectRenderers.ReplaceOrAdd<LinkInlineRenderer>(new ImageLinkRenderer());
    }
}
