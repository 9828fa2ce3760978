using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Annotate.Shared.Text;

namespace Annotate.Shared.Tests.Text;

public class MarkdownRendererTests
{
    private static readonly string[] ActiveElements = ["script", "iframe", "frame", "object", "embed", "svg", "math", "style", "form", "link", "meta", "base"];
    private static readonly string[] DangerousSchemes = ["javascript:", "vbscript:", "data:"];

    [Fact]
    public void Emphasis_is_rendered()
    {
        var html = MarkdownRenderer.ToSafeHtml("*soft* **strong** ~~gone~~ `code`");

        Assert.Contains("<em>soft</em>", html);
        Assert.Contains("<strong>strong</strong>", html);
        Assert.Contains("<del>gone</del>", html);
        Assert.Contains("<code>code</code>", html);
    }

    [Fact]
    public void Links_open_apart_and_lend_nothing()
    {
        var link = Parse(MarkdownRenderer.ToSafeHtml("[the Manifesto](https://example.org/manifesto)")).QuerySelector("a")!;

        Assert.Equal("https://example.org/manifesto", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("the Manifesto", link.TextContent);
    }

    [Theory]
    [InlineData("see https://example.org/a for it", "https://example.org/a")]
    [InlineData("<https://example.org/b>", "https://example.org/b")]
    [InlineData("[write](mailto:teacher@example.org)", "mailto:teacher@example.org")]
    public void Autolinks_and_mail_links_work(string markdown, string href)
    {
        var link = Parse(MarkdownRenderer.ToSafeHtml(markdown)).QuerySelector("a")!;
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
    }

    [Fact]
    public void Lists_tables_and_task_lists_are_rendered()
    {
        var document = Parse(MarkdownRenderer.ToSafeHtml(
            "- one\n- two\n\n1. first\n2. second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] read it\n- [ ] annotate it"));

        Assert.Equal(4, document.QuerySelectorAll("ul > li").Length);
        Assert.Equal(2, document.QuerySelectorAll("ol > li").Length);
        Assert.Equal(2, document.QuerySelectorAll("table td").Length);
        var boxes = document.QuerySelectorAll("input");
        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, box =>
        {
            Assert.Equal("checkbox", box.GetAttribute("type"));
            Assert.True(box.HasAttribute("disabled"));
        });
    }

    [Fact]
    public void Empty_markdown_is_empty_html() => Assert.Equal("", MarkdownRenderer.ToSafeHtml(""));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JAVASCRIPT:alert(1))")]
    [InlineData("[x](  javascript:alert(1)  )")]
    [InlineData("[x](java&#x09;script:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("[x](https://example.org \"t\\\" onmouseover=\\\"alert(1)\")")]
    [InlineData("[ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("```html\n<script>alert(1)</script>\n```")]
    public void Xss_payloads_are_neutralised(string markdown)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        foreach (var element in Parse(html).QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ActiveElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} in {html}");
                Assert.NotEqual("style", attribute.Name);
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                Assert.DoesNotContain(DangerousSchemes, scheme => value.Contains(scheme, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var html = MarkdownRenderer.ToSafeHtml("<b>bold?</b>");
        Assert.Contains("&lt;b&gt;bold?&lt;/b&gt;", html);
    }

    [Fact]
    public void The_shared_renderer_is_safe_to_use_from_many_threads()
    {
        const string markdown = "**a** [b](https://example.org) <script>x</script>";
        var expected = MarkdownRenderer.ToSafeHtml(markdown);

        var results = new string[200];
        Parallel.For(0, results.Length, i => results[i] = MarkdownRenderer.ToSafeHtml(markdown));

        Assert.All(results, result => Assert.Equal(expected, result));
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>");
}
