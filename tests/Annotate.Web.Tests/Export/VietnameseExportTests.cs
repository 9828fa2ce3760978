using System.Globalization;
using System.Text.RegularExpressions;
using Annotate.Web.Features.Export;
using Annotate.Web.Tests.Infrastructure;
using PdfSharp.Drawing;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;
using static Annotate.Web.Tests.Components.TestArticle;
using static Annotate.Web.Tests.Export.PrintableSamples;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace Annotate.Web.Tests.Export;

/// <summary>
/// Exports in the language of the person exporting (issue 16): headings, labels, CSV headers and the PDF in Vietnamese
/// for someone reading the app in Vietnamese, English otherwise; and the PDF's fonts draw every Vietnamese letter.
/// </summary>
public sealed partial class VietnameseExportTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Text = "Văn học hiện đại\n\nBuổi thảo luận hôm nay bàn về con đường của văn học Việt Nam thế kỷ hai mươi.";

    /// <summary>Every letter Vietnamese writes with a mark, small and capital.</summary>
    private const string Letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ" +
        "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ";

    [Fact]
    public void Every_face_of_the_pdf_draws_every_vietnamese_letter()
    {
        XFont[] faces =
        [
            ExportFonts.Font(ExportFonts.Serif, 10), ExportFonts.Font(ExportFonts.Serif, 10, XFontStyleEx.Bold),
            ExportFonts.Font(ExportFonts.Serif, 10, XFontStyleEx.Italic), ExportFonts.Font(ExportFonts.Sans, 10),
            ExportFonts.Font(ExportFonts.Sans, 10, XFontStyleEx.Bold),
        ];
        foreach (var face in faces) Assert.Equal(Letters, ExportFonts.Printable(Letters, face));
    }

    [Fact]
    public async Task The_pdf_in_vietnamese_prints_its_words_and_the_texts_diacritics()
    {
        var bytes = await InVietnameseAsync(async () =>
        {
            var root = Thread(Text, "con đường của văn học", "Đoạn này nói về điều gì?", authorName: "Nguyễn Thị Hồng");
            using var output = new MemoryStream();
            await PdfExport.WriteAsync(Content(Text, [Exported(Text, root)], title: "Văn học hiện đại", reader: "Trần Văn Đức"),
                output, PaperSize.A4, CancellationToken.None);
            return output.ToArray();
        });

        using var pdf = PdfPigDocument.Open(bytes);
        var all = Squeezed(string.Concat(pdf.GetPages().Select(p => p.Text)));
        Assert.Contains(Squeezed("Buổi thảo luận hôm nay bàn về con đường của văn học Việt Nam thế kỷ hai mươi."), all);
        Assert.Contains(Squeezed("Đoạn này nói về điều gì?"), all);
        Assert.Contains("NguyễnThịHồng", all);
        Assert.Contains("Ghichú", all);
        Assert.Contains(Squeezed("xuất cho Trần Văn Đức"), all);
        Assert.Contains(Squeezed("trang 1/1"), all);
        Assert.DoesNotContain("□", all);
        Assert.DoesNotContain("Notes", all);
        // Whole faces, not subsets: PDFsharp 6.2.4's subsets lose the marks of letters built from built letters, and the
        // page then shows "hien dai" for "hiện đại" though its text still copies right (see ExportFonts.NeedsWholeFiles).
        Assert.All(EmbeddedFontFileSizes(pdf), size => Assert.True(size > 100_000, $"a font of {size} bytes is a subset"));
    }

    [Fact]
    public async Task An_english_pdf_without_vietnamese_letters_keeps_small_font_subsets()
    {
        using var output = new MemoryStream();
        await PdfExport.WriteAsync(Excerpt(), output, PaperSize.A4, CancellationToken.None);

        using var pdf = PdfPigDocument.Open(output.ToArray());
        Assert.All(EmbeddedFontFileSizes(pdf), size => Assert.True(size < 100_000, $"a font of {size} bytes is whole"));
    }

    /// <summary>The length of each font program embedded on the first page.</summary>
    private static List<int> EmbeddedFontFileSizes(PdfPigDocument pdf)
    {
        var scanner = pdf.Structure.TokenScanner;
        T Get<T>(IToken token) where T : class, IToken => DirectObjectFinder.Get<T>(token, scanner) ?? throw new InvalidOperationException($"{token} is no {typeof(T).Name}.");
        var resources = Get<DictionaryToken>(pdf.GetPage(1).Dictionary.Data["Resources"]);
        var fonts = Get<DictionaryToken>(resources.Data["Font"]).Data.Values.Select(Get<DictionaryToken>).ToList();
        Assert.NotEmpty(fonts);
        return fonts.Select(font =>
        {
            var descendant = Get<DictionaryToken>(Get<ArrayToken>(font.Data["DescendantFonts"]).Data[0]);
            return Get<StreamToken>(Get<DictionaryToken>(descendant.Data["FontDescriptor"]).Data["FontFile2"]).Data.Length;
        }).ToList();
    }

    [Fact]
    public async Task Markdown_csv_and_html_follow_the_language_of_the_person_exporting()
    {
        var room = await app.CreateClassroomAsync(Text);
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("con đường", "Một câu hỏi hay"));
        room.Teacher.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi-VN");

        var markdown = await room.Teacher.ExportTextAsync(room.DocumentId, "format=markdown");
        Assert.Contains("**Nội dung:** Mọi thứ bạn được xem. 1 chuỗi thảo luận, 1 chú thích.", markdown);
        Assert.Contains("· phiên bản 1 · xuất cho", markdown);
        Assert.Contains("· bình luận · cả lớp ·", markdown);

        var csv = await room.Teacher.ExportTextAsync(room.DocumentId, "format=csv");
        Assert.StartsWith("tài liệu,đoạn văn,đoạn trích,nội dung,tác giả,", csv.TrimStart('\uFEFF'));

        var html = await room.Teacher.ExportTextAsync(room.DocumentId, "format=html");
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("<h2 id=\"notes-heading\">Ghi chú</h2>", html);

        // Someone else, reading in English, gets the English words from the same server.
        var english = await room.StudentB.ExportTextAsync(room.DocumentId, "format=csv");
        Assert.StartsWith("document,paragraph,quote,body,author,", english.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task The_gradebook_csv_is_headed_in_the_teachers_language()
    {
        var room = await app.CreateClassroomAsync(Text);
        room.Teacher.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");

        var csv = await (await room.Teacher.Http.GetAsync($"/api/seminars/{room.SeminarId}/dashboard?format=csv")).Content.ReadAsStringAsync();

        Assert.StartsWith("Sinh viên,Mã người dùng,Nhóm,Chú thích,Trả lời,Số từ,", csv.TrimStart('\uFEFF'));
    }

    /// <summary>Runs <paramref name="export"/> as a request in Vietnamese runs: its culture set, restored after.</summary>
    private static async Task<T> InVietnameseAsync<T>(Func<Task<T>> export)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi");
        try
        {
            return await export();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static string Squeezed(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
