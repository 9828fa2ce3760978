using AngleSharp.Html.Parser;
using Annotate.Web.Features.Export;
using Annotate.Web.Tests.Infrastructure;
using Markdig;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// An export must not bring back what the reading page keeps out: opened in a browser or a Markdown
/// viewer, nothing in it fetches anything by itself. Printable HTML (and PDF, from the same notes) draws
/// comments with the reading page's renderer; the Markdown file keeps each comment as written except
/// that an image becomes a link and raw HTML reads as text.
/// </summary>
public sealed class ExportImageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Tracked = "![chart](https://tracker.example/pixel.png) ![rel](pixel.png) ![proto](//tracker.example/p.gif) "
        + "![data](data:image/png;base64,AAAA) <img src=\"https://tracker.example/raw.gif\">\n\n![ref][r]\n\n"
        + "<div><img src=https://tracker.example/block.gif></div>\n\n[r]: https://tracker.example/ref.png";

    [Fact]
    public async Task Printable_html_shows_images_as_links_and_loads_none()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", Tracked));

        var html = await room.StudentA.ExportTextAsync(room.DocumentId, "format=html");

        var page = new HtmlParser().ParseDocument(html);
        Assert.Empty(page.QuerySelectorAll("img, picture, source, video, audio, iframe, object, embed, link[href*=tracker]"));
        Assert.DoesNotContain(page.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Value.Contains("tracker", StringComparison.Ordinal)
            && !(e.LocalName == "a" && a.Name == "href")));
        Assert.Contains("🖼 chart (tracker.example)", html);
        Assert.Contains("🖼 data (image not loaded)", html);
    }

    [Fact]
    public async Task The_markdown_export_turns_images_into_links_and_raw_html_into_text()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", Tracked));

        var markdown = await room.StudentA.ExportTextAsync(room.DocumentId, "format=markdown");

        // What a Markdown viewer would draw from the file: no image, no raw HTML.
        var drawn = Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.DoesNotContain("<img", drawn);
        Assert.Contains("href=\"https://tracker.example/pixel.png\"", drawn);
        Assert.Contains("[chart](https://tracker.example/pixel.png)", markdown);
        Assert.Contains("[ref][r]", markdown);
        Assert.Contains("\\<img src=\"https://tracker.example/raw.gif\">", markdown);
    }

    [Theory]
    [InlineData("![a](https://e.org/a.png)", "[a](https://e.org/a.png)")]
    [InlineData("text ![a](b.png \"t\") and ![c][d]\n\n[d]: //e.org/d.png", "text [a](b.png \"t\") and [c][d]\n\n[d]: //e.org/d.png")]
    [InlineData("[![badge](https://e.org/b.svg)](https://e.org)", "[[badge](https://e.org/b.svg)](https://e.org)")]
    [InlineData("Wow! ![x](y.png)!", "Wow! [x](y.png)!")]
    [InlineData("\\![not an image](x.png)", "\\![not an image](x.png)")]
    [InlineData("`![code](x.png)` and `<img src=x>`", "`![code](x.png)` and `<img src=x>`")]
    [InlineData("    ![indented code](x.png)", "    ![indented code](x.png)")]
    [InlineData("a <img src=x> b", "a \\<img src=x> b")]
    [InlineData("<https://e.org/auto.png>", "<https://e.org/auto.png>")]
    [InlineData("1 < 2 and 3 > 2", "1 < 2 and 3 > 2")]
    [InlineData("No images here.", "No images here.")]
    public void Inert_markdown_changes_only_what_would_load(string written, string exported) =>
        Assert.Equal(exported, InertMarkdown.Of(written));
}
