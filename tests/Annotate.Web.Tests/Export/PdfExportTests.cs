using System.Text.RegularExpressions;
using Annotate.Web.Features.Export;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;
using static Annotate.Web.Tests.Components.TestArticle;
using static Annotate.Web.Tests.Export.PrintableSamples;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace Annotate.Web.Tests.Export;

public sealed partial class PdfExportTests
{
    private static async Task<byte[]> PdfOf(ExportContent content, PaperSize paper = PaperSize.A4)
    {
        using var output = new MemoryStream();
        await PdfExport.WriteAsync(content, output, paper, CancellationToken.None);
        Assert.True(output.CanWrite, "the export must leave the caller's stream open");
        return output.ToArray();
    }

    // Lines are drawn one after another with no separator between them, so text is compared without
    // whitespace: a phrase matches wherever the lines broke it.
    private static string Squeezed(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string AllText(PdfPigDocument pdf) => Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));

    [Theory]
    [InlineData(PaperSize.A4, 595, 842)]
    [InlineData(PaperSize.Letter, 612, 792)]
    public async Task The_pdf_holds_the_header_the_article_and_the_notes_on_the_chosen_paper(PaperSize paper, int width, int height)
    {
        using var pdf = PdfPigDocument.Open(await PdfOf(PrintableSamples.Excerpt(filter: "Feedback report for Ana"), paper));

        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(width, page.Width, 0.5);
            Assert.Equal(height, page.Height, 0.5);
        });
        var first = Squeezed(pdf.GetPage(1).Text);
        Assert.Contains(Squeezed("Political Theory 101 · revision 2"), first);
        Assert.Contains(Squeezed("Proletarian Internationalism"), first);
        Assert.Contains(Squeezed("Feedback report for Ana"), first);
        Assert.Contains(Squeezed("2 threads with 1 reply · exported for Teresa Teacher on 2 April 2025, 16:45 UTC"), first);

        var text = AllText(pdf);
        Assert.Contains("INTRODUCTION", text);
        Assert.Contains(Squeezed("The \"Communist Manifesto\u201D was written and published by Marx and Engels (February 1848)"), text);
        Assert.Contains(Squeezed("With the slogan \"Proletarians of all countries unite!\" Marx and Engels publicized their international character"), text);
        // Notes: quote, label, author and the body as plain text (Markdown emphasis dropped), reply after it.
        Assert.Contains(Squeezed("“capitalism had developed at a high level”"), text);
        Assert.Contains(Squeezed("FEEDBACK Teresa Teacher · 14 March 2025, 09:30 UTC"), text);
        Assert.Contains(Squeezed("Good that you date this."), text);
        Assert.Contains(Squeezed("Is this still true today?"), text);
        Assert.True(text.IndexOf(Squeezed("Is this still true today?"), StringComparison.Ordinal)
            < text.IndexOf(Squeezed("Yes — arguably more than ever."), StringComparison.Ordinal));
        Assert.Contains(Squeezed("page 1 of"), first);
    }

    [Fact]
    public async Task Note_numbers_stand_in_the_right_margin_beside_their_passages()
    {
        using var pdf = PdfPigDocument.Open(await PdfOf(PrintableSamples.Excerpt()));
        var page = pdf.GetPage(1);
        var textRight = page.Letters.Where(l => l.FontSize > 10 && l.FontSize < 11).Max(l => l.BoundingBox.Right);
        var numbers = page.Letters.Where(l => l.Value is "1" or "2" && l.StartBaseLine.X > textRight).ToList();
        Assert.Equal(["1", "2"], numbers.OrderByDescending(l => l.StartBaseLine.Y).Select(l => l.Value));

        // Each number sits on the line where its passage starts.
        var slogan = page.GetWords().First(w => w.Text.StartsWith("\"Proletarians", StringComparison.Ordinal));
        Assert.Equal(slogan.Letters[0].StartBaseLine.Y, numbers.Single(l => l.Value == "2").StartBaseLine.Y, 0.5);
    }

    [Fact]
    public async Task Its_fonts_are_the_shipped_dejavu_faces_embedded_in_the_file()
    {
        using var pdf = PdfPigDocument.Open(await PdfOf(PrintableSamples.Excerpt()));
        var scanner = pdf.Structure.TokenScanner;
        T Get<T>(IToken token) where T : class, IToken => DirectObjectFinder.Get<T>(token, scanner) ?? throw new InvalidOperationException($"{token} does not resolve to a {typeof(T).Name}.");

        var page = pdf.GetPage(1);
        var resources = Get<DictionaryToken>(page.Dictionary.Data["Resources"]);
        var fonts = Get<DictionaryToken>(resources.Data["Font"]).Data.Values.Select(Get<DictionaryToken>).ToList();
        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            var name = Get<NameToken>(font.Data["BaseFont"]).Data;
            Assert.Matches("^[A-Z]{6}\\+DejaVu", name); // a subset (six-letter tag) of a DejaVu face
            var descendant = Get<DictionaryToken>(Get<ArrayToken>(font.Data["DescendantFonts"]).Data[0]);
            var descriptor = Get<DictionaryToken>(descendant.Data["FontDescriptor"]);
            var file = Get<StreamToken>(descriptor.Data["FontFile2"]);
            Assert.True(file.Data.Length > 1000, $"{name} has no embedded font program");
        }
        Assert.Contains(fonts, f => Get<NameToken>(f.Data["BaseFont"]).Data.EndsWith("+DejaVu Serif", StringComparison.Ordinal));
        Assert.Contains(fonts, f => Get<NameToken>(f.Data["BaseFont"]).Data.EndsWith("+DejaVu Sans,Bold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Curly_quotes_accents_cjk_and_emoji_print_or_stand_in_without_failing()
    {
        const string text = "Über “die Internationale” — café, naïve, Łódź, Ελληνικά, Русский\n\n" +
            "Mao’s 《共产党宣言》 was read in 1920 🎉 by many.";
        var root = Thread(text, "“die Internationale”", "Zitat: „Proletarier aller Länder, vereinigt euch!“ — 共产党宣言 🎉",
            authorName: "Zoë Ångström");
        var orphan = Orphan("宣言", "中文评论");
        var bytes = await PdfOf(Content(text, [Exported(text, root), Exported(text, orphan)], title: "Título “con” 宣言", reader: "Jürgen 李"));

        using var pdf = PdfPigDocument.Open(bytes);
        var all = AllText(pdf);
        Assert.Contains(Squeezed("Über “die Internationale” — café, naïve, Łódź, Ελληνικά, Русский"), all);
        Assert.Contains(Squeezed("Zitat: „Proletarier aller Länder, vereinigt euch!“"), all);
        Assert.Contains("ZoëÅngström", all);
        // DejaVu has no CJK (nor its brackets) and no emoji: each such character prints as a white square, and the
        // words around it stay whole.
        Assert.Contains("Mao’s□□□□□□□wasreadin1920□bymany.", all);
        Assert.DoesNotContain("共", all);
    }

    [Fact]
    public async Task A_long_article_breaks_over_several_pages_with_numbered_footers()
    {
        var content = WholeArticle();
        using var pdf = PdfPigDocument.Open(await PdfOf(content, PaperSize.Letter));
        var pages = pdf.GetPages().ToList();

        Assert.True(pages.Count >= 5, $"only {pages.Count} pages");
        for (var i = 0; i < pages.Count; i++)
            Assert.Contains(Squeezed($"Proletarian Internationalism · page {i + 1} of {pages.Count}"), Squeezed(pages[i].Text));
        // Every word of the article made it: its last paragraph, and the notes after it, on the last pages.
        var blocks = Shared.Text.TextBlocks.Parse(content.Text);
        var last = content.Text[blocks[^1].Start..blocks[^1].End];
        var all = AllText(pdf);
        Assert.Contains(Squeezed(last), all);
        Assert.True(all.IndexOf(Squeezed(last), StringComparison.Ordinal) < all.IndexOf("Notes", all.IndexOf(Squeezed(last), StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Contains(Squeezed("Does the slogan still work in a world of national welfare states?"), all);
        Assert.Contains(Squeezed("Passages no longer in the text"), all);
        Assert.Contains(Squeezed("“the workers have no country”"), all);
        // No line runs into the right margin, where only note numbers stand.
        foreach (var page in pages)
        {
            var body = page.Letters.Where(l => l.FontSize is > 10 and < 11);
            Assert.All(body, l => Assert.True(l.BoundingBox.Right <= page.Width - 68 + 1, $"'{l.Value}' at {l.BoundingBox.Right} on page {page.Number}"));
        }
    }

    [Fact]
    public async Task A_word_wider_than_the_column_is_cut_not_lost()
    {
        var url = "https://example.org/" + string.Concat(Enumerable.Repeat("very-long-path-segment/", 12)) + "end";
        var text = $"See {url} for the source.";
        using var pdf = PdfPigDocument.Open(await PdfOf(Content(text, [])));
        Assert.Contains(Squeezed(text), AllText(pdf));
    }

    [Fact]
    public async Task Exports_written_at_the_same_time_do_not_trip_over_the_shared_font_set_up()
    {
        var content = PrintableSamples.Excerpt();
        var pdfs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PdfOf(content))));
        Assert.All(pdfs, bytes => Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5)));
    }

    [Fact]
    public async Task A_line_break_kept_inside_a_paragraph_starts_a_new_line()
    {
        const string text = "A verse in the text.\n\nWorking men of all countries,\nunite!";
        using var pdf = PdfPigDocument.Open(await PdfOf(Content(text, [])));
        var words = pdf.GetPage(1).GetWords().ToList();
        var countries = words.Single(w => w.Text == "countries,");
        var unite = words.Single(w => w.Text == "unite!");
        Assert.True(countries.BoundingBox.Bottom - unite.BoundingBox.Bottom > 10, "\"unite!\" should stand on the next line");
        Assert.Equal(words.Single(w => w.Text == "Working").BoundingBox.Left, unite.BoundingBox.Left, 0.5);
    }
}
