using System.Net;
using System.Text;
using Annotate.Web.Features.Export;
using Annotate.Web.Tests.Infrastructure;
using PdfSharp.Drawing;
using static Annotate.Web.Tests.Infrastructure.TestFiles;

namespace Annotate.Web.Tests;

/// <summary>
/// A Vietnamese text goes in whole (issue 16): uploaded as .txt, .docx or .pdf, or pasted, it keeps every diacritic,
/// and it is stored composed (NFC), so a word typed and the same word pasted in decomposed form are one string.
/// </summary>
public sealed class VietnameseDocumentTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Heading = "Văn học hiện đại Việt Nam";
    private const string Paragraph = "Buổi thảo luận hôm nay bàn về con đường của văn học Việt Nam thế kỷ hai mươi.";
    private const string Question = "Mỗi nhóm đọc một đoạn trích, ghi chú và đặt câu hỏi cho giảng viên.";

    [Fact]
    public async Task A_txt_file_keeps_its_diacritics_and_is_stored_composed()
    {
        // UTF-8 with a byte order mark, and decomposed as text saved on a Mac often is.
        var txt = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(
            $"{Heading}\r\n\r\n{Paragraph}\r\n\r\n{Question}\r\n".Normalize(NormalizationForm.FormD))).ToArray();

        var text = await UploadedTextAsync("bai-doc.txt", txt);

        Assert.Equal($"{Heading}\n\n{Paragraph}\n\n{Question}", text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public async Task A_docx_file_keeps_its_diacritics()
    {
        var docx = Docx("Heading2",
            new WordParagraph("Heading1", Heading),
            new WordParagraph(null, "Buổi thảo luận hôm nay bàn về ", "con đường của văn học Việt Nam thế kỷ hai mươi."),
            new WordParagraph(null, Question));

        Assert.Equal($"{Heading}\n\n{Paragraph}\n\n{Question}", await UploadedTextAsync("bai-doc.docx", docx));
    }

    [Fact]
    public async Task A_pdf_file_keeps_its_diacritics()
    {
        var text = await UploadedTextAsync("bai-doc.pdf", VietnamesePdf(Heading, "", Paragraph, "", Question));

        Assert.Equal($"{Heading}\n\n{Paragraph}\n\n{Question}", text);
    }

    [Fact]
    public async Task Pasted_decomposed_text_is_stored_composed_so_a_typed_quote_finds_it()
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, _) = await app.CreateSeminarAsync(teacher);
        var documentId = await app.AddDocumentAsync(teacher, seminarId, Heading.Normalize(NormalizationForm.FormD),
            $"{Heading}\n\n{Paragraph}".Normalize(NormalizationForm.FormD));

        var document = await (await teacher.Http.GetAsync($"/api/documents/{documentId}")).JsonAsync();
        Assert.Equal(Heading, document.GetProperty("title").GetString());
        Assert.Equal($"{Heading}\n\n{Paragraph}", document.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("trong.txt", "", "Tệp trống.")]
    [InlineData("bai-doc.doc", "x", "Không thể thêm tệp loại .doc; hãy tải lên tệp .txt, .md, .docx hoặc .pdf.")]
    [InlineData("hong.pdf", "not a pdf", "Không đọc được tệp này dưới dạng PDF; có thể tệp đã bị hỏng. Hãy xuất hoặc tải lại tệp rồi thử lại.")]
    public async Task A_file_refused_is_refused_in_the_language_of_the_person_adding_it(string fileName, string content, string sentence)
    {
        var (teacher, seminarId) = await TeacherAsync();
        teacher.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");

        Assert.Equal(sentence, await (await UploadAsync(teacher, seminarId, fileName, Encoding.UTF8.GetBytes(content))).ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    private async Task<(ApiUser Teacher, int SeminarId)> TeacherAsync()
    {
        var teacher = await app.RegisterAsync("teacher");
        return (teacher, (await app.CreateSeminarAsync(teacher)).Id);
    }

    private static async Task<HttpResponseMessage> UploadAsync(ApiUser teacher, int seminarId, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await teacher.Http.PostAsync($"/api/seminars/{seminarId}/documents", form);
    }

    private async Task<string> UploadedTextAsync(string fileName, byte[] content)
    {
        var (teacher, seminarId) = await TeacherAsync();
        var added = await UploadAsync(teacher, seminarId, fileName, content);
        var id = (await added.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var document = await (await teacher.Http.GetAsync($"/api/documents/{id}")).JsonAsync();
        return document.GetProperty("text").GetString()!;
    }

    /// <summary>A PDF of these lines in DejaVu Sans (the standard 14 fonts have no Vietnamese), as a word processor writes one.</summary>
    private static byte[] VietnamesePdf(params string[] lines)
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var font = ExportFonts.Font(ExportFonts.Sans, 11);
            var y = 72.0;
            foreach (var line in lines)
            {
                if (line.Length > 0) graphics.DrawString(line, font, XBrushes.Black, new XPoint(72, y));
                y += 14;
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
