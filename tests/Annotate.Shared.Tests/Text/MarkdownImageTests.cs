using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Text;

/// <summary>
/// Nothing in a comment makes a reader's browser call anyone as the comment is drawn: an image is a link
/// to it ("🖼 alt (host)"), followed only by whoever clicks, and no markup the sanitizer lets through
/// fetches anything on render.
/// </summary>
public class MarkdownImageTests
{
    [Theory]
    [InlineData("![the chart](https://example.org/chart.png)", "https://example.org/chart.png", "🖼 the chart (example.org)")]
    [InlineData("![the chart](http://example.org:8080/c.png \"A title\")", "http://example.org:8080/c.png", "🖼 the chart (example.org)")]
    [InlineData("![a scan](//cdn.example.net/scan.jpg)", "https://cdn.example.net/scan.jpg", "🖼 a scan (cdn.example.net)")]
    [InlineData("![a scan](/\\cdn.example.net/scan.jpg)", "https://cdn.example.net/scan.jpg", "🖼 a scan (cdn.example.net)")]
    [InlineData("![our logo](/favicon.png)", "/favicon.png", "🖼 our logo (this site)")]
    [InlineData("![our logo](img/logo.png)", "img/logo.png", "🖼 our logo (this site)")]
    [InlineData("![*emphasised* alt](https://example.org/e.png)", "https://example.org/e.png", "🖼 emphasised alt (example.org)")]
    [InlineData("![](https://example.org/e.png)", "https://example.org/e.png", "🖼 image (example.org)")]
    [InlineData("![ref image][fig]\n\n[fig]: https://example.org/ref.png", "https://example.org/ref.png", "🖼 ref image (example.org)")]
    [InlineData("![fig]\n\n[fig]: //example.org/short.png", "https://example.org/short.png", "🖼 fig (example.org)")]
    public void An_image_is_a_link_saying_what_it_shows_and_where_it_comes_from(string markdown, string href, string text)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);
        var document = Parse(html);

        Assert.Empty(document.QuerySelectorAll("img"));
        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal(text, link.TextContent);
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("md-image", link.GetAttribute("class"));
        AssertNothingLoadsOnRender(html);
    }

    [Fact]
    public void A_host_in_another_script_is_shown_as_the_address_it_really_is()
    {
        // A Cyrillic "а" that looks like a Latin "a".
        var link = Parse(MarkdownRenderer.ToSafeHtml("![logo](https://ex\u0430mple.org/l.png)")).QuerySelector("a")!;

        Assert.StartsWith("🖼 logo (xn--", link.TextContent);
        Assert.StartsWith("https://xn--", link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("![a pixel](data:image/png;base64,iVBORw0KGgo=)", "🖼 a pixel (image not loaded)")]
    [InlineData("![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", "🖼 svg (image not loaded)")]
    [InlineData("![x](javascript:alert(1))", "🖼 x (image not loaded)")]
    [InlineData("![x](file:///etc/passwd)", "🖼 x (image not loaded)")]
    [InlineData("![x](ftp://example.org/x.png)", "🖼 x (image not loaded)")]
    public void An_image_no_link_may_point_at_is_only_its_description(string markdown, string text)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);
        var document = Parse(html);

        Assert.Empty(document.QuerySelectorAll("a, img"));
        Assert.Equal(text, document.QuerySelector("span.md-image")!.TextContent);
        AssertNothingLoadsOnRender(html);
    }

    [Fact]
    public void An_image_inside_a_link_is_text_inside_that_link()
    {
        var html = MarkdownRenderer.ToSafeHtml("[![badge](https://img.example.org/b.svg)](https://example.org/project)");
        var document = Parse(html);

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal("https://example.org/project", link.GetAttribute("href"));
        Assert.Equal("🖼 badge (img.example.org)", link.QuerySelector("span.md-image")!.TextContent);
        AssertNothingLoadsOnRender(html);
    }

    [Theory]
    [InlineData("<https://example.org/picture.png>")]
    [InlineData("see https://example.org/picture.png here")]
    [InlineData("[a picture](https://example.org/picture.png)")]
    public void Links_to_images_stay_links(string markdown)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);
        var link = Assert.Single(Parse(html).QuerySelectorAll("a"));

        Assert.Equal("https://example.org/picture.png", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Null(link.GetAttribute("class"));
        AssertNothingLoadsOnRender(html);
    }

    [Theory]
    [InlineData("<img src=\"https://tracker.example/p.gif\">")]
    [InlineData("<img srcset=\"https://tracker.example/p.gif 1x\">")]
    [InlineData("<picture><source srcset=\"https://tracker.example/p.webp\"></picture>")]
    [InlineData("<video poster=\"https://tracker.example/p.jpg\"></video>")]
    [InlineData("<audio src=\"https://tracker.example/a.mp3\" autoplay></audio>")]
    [InlineData("<iframe src=\"https://tracker.example/\"></iframe>")]
    [InlineData("<p style=\"background:url(https://tracker.example/p.gif)\">x</p>")]
    [InlineData("<link rel=\"stylesheet\" href=\"https://tracker.example/s.css\">")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://tracker.example/\">")]
    [InlineData("<base href=\"https://tracker.example/\">")]
    [InlineData("<form action=\"https://tracker.example/\"><button formaction=\"https://tracker.example/\">x</button></form>")]
    [InlineData("<input type=\"image\" src=\"https://tracker.example/p.gif\">")]
    [InlineData("<object data=\"https://tracker.example/o\"></object><embed src=\"https://tracker.example/e\">")]
    [InlineData("<svg><image href=\"https://tracker.example/p.svg\"/></svg>")]
    [InlineData("<a href=\"https://example.org\" ping=\"https://tracker.example/ping\">x</a>")]
    [InlineData("<table background=\"https://tracker.example/bg.gif\"><tr><td>x</td></tr></table>")]
    [InlineData("- [ ] <input type=image src=https://tracker.example/p.gif>")]
    public void Raw_html_that_would_fetch_something_is_text(string markdown)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);

        Assert.Contains("&lt;", html);
        AssertNothingLoadsOnRender(html);
    }

    /// <summary>
    /// Everything at once, as one page would hold it: after rendering, no element is one that loads
    /// something, and no attribute holds an address a browser would fetch while drawing the page — the
    /// only addresses left are links' hrefs, followed when someone clicks.
    /// </summary>
    [Fact]
    public void A_page_of_every_kind_of_image_loads_nothing_when_drawn()
    {
        var markdown = string.Join("\n\n",
            "![abs](https://example.org/a.png) ![rel](a.png) ![root](/a.png) ![proto](//example.org/a.png) ![data](data:image/png;base64,AAAA)",
            "![ref][r] and ![short] and [![inner](https://example.org/i.png)](https://example.org/)",
            "<img src=\"https://example.org/raw.png\"> <https://example.org/auto.png> https://example.org/bare.png",
            "| ![cell](https://example.org/t.png) |\n|---|\n| x |",
            "> ![quoted](https://example.org/q.png)\n\n- ![listed](https://example.org/l.png)\n- [x] ![task](https://example.org/t.png)",
            "[r]: https://example.org/r.png\n[short]: //example.org/s.png");

        var html = MarkdownRenderer.ToSafeHtml(markdown);

        Assert.Equal(12, Parse(html).QuerySelectorAll(".md-image").Length);
        AssertNothingLoadsOnRender(html);
    }

    private static readonly string[] Loaders =
        ["img", "picture", "source", "video", "audio", "track", "iframe", "frame", "embed", "object", "link", "meta", "base",
         "form", "button", "svg", "image", "script", "style", "input[type=image]"];

    private static readonly string[] FetchingAttributes =
        ["src", "srcset", "poster", "data", "background", "style", "action", "formaction", "ping", "manifest", "lowsrc", "dynsrc",
         "longdesc", "codebase", "icon", "xlink:href", "imagesrcset", "content"];

    private static void AssertNothingLoadsOnRender(string html)
    {
        var document = Parse(html);
        foreach (var loader in Loaders) Assert.Empty(document.Body!.QuerySelectorAll(loader));
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.DoesNotContain(attribute.Name, FetchingAttributes);
                // A link's href is fetched only when followed; any other attribute holding an address is a leak.
                if (attribute.Name == "href" && element.LocalName == "a") continue;
                var value = attribute.Value.Trim();
                Assert.False(value.Contains("://", StringComparison.Ordinal) || value.StartsWith("//", StringComparison.Ordinal)
                    || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || value.Contains("url(", StringComparison.OrdinalIgnoreCase)
                    || value.Contains('/'),
                    $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\"> in {html}");
            }
        }
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>");
}
