using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Annotate.Shared.Text;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Documents.Import;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using static Annotate.Web.Tests.Infrastructure.TestFiles;

namespace Annotate.Web.Tests;

/// <summary>
/// Adding documents from files through the API: each kind becomes canonical text (headings as their own
/// blocks, "\n\n" between blocks), and each bad file is refused with its sentence and stores nothing.
/// </summary>
public sealed class DocumentImportTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Markdown_becomes_plain_text_with_headings_list_items_quotes_and_code_as_blocks()
    {
        const string markdown = """
            ---
            author: front matter is not part of the text
            ---
            # The Communist Manifesto

            A spectre is **haunting** Europe, the _spectre_ of
            [communism](https://example.org/communism) &amp; its critics.

            ## Chapter 1

            - Bourgeois and proletarians
            - Proletarians and *communists*.

            1. Read the preface.
            2. Read `chapter one`.

            > Workers of the world, unite!

            ```
            code line one

            code line two
            ```

            ![A portrait](marx.png)
            <div>raw markup</div>

            ---
            Written at <https://example.org/manifesto>.
            """;

        var (text, blocks) = await ImportAsync("manifesto.md", Encoding.UTF8.GetBytes(markdown));

        Assert.Equal(
            "The Communist Manifesto\n\n" +
            "A spectre is haunting Europe, the spectre of communism & its critics.\n\n" +
            "Chapter 1\n\n" +
            "• Bourgeois and proletarians\n\n" +
            "• Proletarians and communists.\n\n" +
            "1. Read the preface.\n\n" +
            "2. Read chapter one.\n\n" +
            "Workers of the world, unite!\n\n" +
            "code line one\ncode line two\n\n" +
            "Written at https://example.org/manifesto.", text);
        Assert.Equal(["The Communist Manifesto", "Chapter 1"], Headings(text, blocks));
    }

    [Fact]
    public async Task Word_paragraphs_in_order_with_heading_styles_as_headings_and_table_cells_as_paragraphs()
    {
        var docx = Docx("berschrift2",
            new WordParagraph("Title", "The Communist Manifesto"),
            new WordParagraph("Heading1", "I. Bourgeois and Proletarians"),
            new WordParagraph(null, "The history of all hitherto existing society ", "is the history of  class struggles."),
            new WordParagraph(null, "   "),
            new WordParagraph("berschrift2", "Freeman and slave"),
            new WordParagraph(null, "Freeman and slave, patrician and plebeian,\nlord and serf."),
            new WordParagraph("Heading1", "Why read it today?"),
            new[] { new[] { "Year", "Event" }, new[] { "1848", "Revolutions across Europe." } });

        var (text, blocks) = await ImportAsync("manifesto.docx", docx);

        Assert.Equal(
            "The Communist Manifesto\n\n" +
            "I. Bourgeois and Proletarians\n\n" +
            "The history of all hitherto existing society is the history of class struggles.\n\n" +
            "Freeman and slave\n\n" +
            "Freeman and slave, patrician and plebeian,\nlord and serf.\n\n" +
            "Why read it today?\n\n" +
            "Year\n\nEvent\n\n1848\n\nRevolutions across Europe.", text);
        // A heading the reading view cannot show as one (it ends in a question mark) keeps its words and
        // its own block, and reads as a paragraph; "Year" and "Event" look like headings to it.
        Assert.Equal(["The Communist Manifesto", "I. Bourgeois and Proletarians", "Freeman and slave", "Year", "Event"], Headings(text, blocks));
    }

    [Fact]
    public async Task Pdf_text_is_read_page_by_page_and_reflowed_into_paragraphs()
    {
        var pdf = Pdf(
            [
                "INTRODUCTION",
                "",
                "The Communist Manifesto was written by Marx and Engels in the winter of 1847",
                "and published in February 1848, when capitalism had developed to a high",
                "level, maintained its dominance in Europe, and began",
                "",
                "",
                "1",
            ],
            [
                "to expand its power to Africa and Asia with brutal conquests.",
                "",
                "With the slogan \"Proletarians of all countries, unite!\" Marx and Engels made",
                "their international character known.",
                "",
                "",
                "2",
            ]);

        var (text, blocks) = await ImportAsync("introduction.pdf", pdf);

        Assert.Equal(
            "INTRODUCTION\n\n" +
            "The Communist Manifesto was written by Marx and Engels in the winter of 1847 and published in February 1848, " +
            "when capitalism had developed to a high level, maintained its dominance in Europe, and began to expand its power " +
            "to Africa and Asia with brutal conquests.\n\n" +
            "With the slogan \"Proletarians of all countries, unite!\" Marx and Engels made their international character known.", text);
        Assert.Equal(["INTRODUCTION"], Headings(text, blocks));
    }

    [Fact]
    public async Task Plain_text_with_hard_line_breaks_is_reflowed()
    {
        const string txt = "Bourgeois and Proletarians\r\n\r\n" +
            "The history of all hitherto existing society is the his-\r\n" +
            "tory of class struggles. Freeman and slave, patrician and\r\n" +
            "plebeian, lord and serf, in a word, oppressor and oppressed.\r\n\r\n" +
            "In the earlier epochs of history, we find almost every-\r\n" +
            "where a complicated arrangement of society into orders.\r\n";

        var (text, blocks) = await ImportAsync("chapter-one.txt", Encoding.UTF8.GetBytes(txt));

        Assert.Equal(
            "Bourgeois and Proletarians\n\n" +
            "The history of all hitherto existing society is the history of class struggles. Freeman and slave, patrician and plebeian, lord and serf, in a word, oppressor and oppressed.\n\n" +
            "In the earlier epochs of history, we find almost everywhere a complicated arrangement of society into orders.", text);
        Assert.Equal(["Bourgeois and Proletarians"], Headings(text, blocks));
    }

    [Fact]
    public async Task A_text_file_that_is_not_UTF8_is_read_as_Windows_1252()
    {
        var latin = Encoding.Latin1.GetBytes("Café society in 1848.");

        var (text, _) = await ImportAsync("cafe.txt", latin);

        Assert.Equal("Café society in 1848.", text);
    }

    [Theory]
    [InlineData("damaged.docx", "This file could not be read as a Word document (.docx)")]
    [InlineData("old.docx", "This is an older Word file (.doc)")]
    [InlineData("locked.docx", "This Word document is password-protected; save a copy without a password and try again.")]
    [InlineData("damaged.pdf", "This file could not be read as a PDF; it may be damaged.")]
    [InlineData("garbage.pdf", "This file could not be read as a PDF; it may be damaged.")]
    [InlineData("locked.pdf", "This PDF is password-protected; export it without a password and try again.")]
    [InlineData("scan.pdf", "This PDF has no text to read: its pages are probably scanned images.")]
    [InlineData("empty.txt", "The file is empty.")]
    [InlineData("blank.md", "The file holds no text to read.")]
    [InlineData("binary.txt", "This file does not hold plain text")]
    [InlineData("huge.txt", "The file is larger than 10 MB")]
    [InlineData("long.txt", "The file's text is longer than 2 MB")]
    [InlineData("notes.rtf", "Files of type .rtf cannot be added; upload a .txt, .md, .docx or .pdf file.")]
    [InlineData("README", "The file name has no extension, so its kind is unknown; upload a .txt, .md, .docx or .pdf file.")]
    public async Task A_file_that_cannot_be_read_answers_400_with_its_sentence_and_adds_nothing(string fileName, string sentence)
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, _) = await app.CreateSeminarAsync(teacher);

        var response = await UploadAsync(teacher, seminarId, fileName, BadFile(fileName));

        Assert.StartsWith(sentence, await response.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Documents WHERE SeminarId = $id", ("$id", seminarId)));
        Assert.Equal(0, await app.Database.CountAsync(
            "SELECT COUNT(*) FROM DocumentRevisions r JOIN Documents d ON d.Id = r.DocumentId WHERE d.SeminarId = $id", ("$id", seminarId)));
    }

    private static byte[] BadFile(string fileName)
    {
        var random = new Random(1848);
        byte[] Random(int length, string prefix = "")
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Encoding.ASCII.GetBytes(prefix).CopyTo(bytes, 0);
            return bytes;
        }
        // An OLE compound file: the container of old .doc files and of password-protected Office files.
        byte[] CompoundFile(string streamName) =>
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes(streamName), .. new byte[512]];

        return fileName switch
        {
            "damaged.docx" => Random(4096),
            "old.docx" => CompoundFile("WordDocument"),
            "locked.docx" => CompoundFile("EncryptionInfo"),
            "damaged.pdf" => Random(4096, "%PDF-1.7\n"),
            "garbage.pdf" => Random(4096),
            "locked.pdf" => EncryptedPdf(),
            "scan.pdf" => PdfWithoutText(),
            "empty.txt" => [],
            "blank.md" => Encoding.UTF8.GetBytes("\n\n   \n<!-- only a comment -->\n"),
            // A picture given a .txt name: the start of a PNG file.
            "binary.txt" => [0x89, .. "PNG\r\n"u8, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8, .. Random(256)],
            "huge.txt" => Encoding.ASCII.GetBytes(new string('a', (int)DocumentImporter.MaxFileBytes + 1)),
            "long.txt" => Encoding.ASCII.GetBytes(string.Join("\n\n", Enumerable.Repeat("Workers of the world, unite! ", 3000).Select((s, i) => $"Paragraph {i}. " + string.Concat(Enumerable.Repeat(s, 24))))),
            _ => Encoding.UTF8.GetBytes("{\\rtf1 Proletarians of all countries, unite!}"),
        };
    }

    [Fact]
    public async Task Uploaded_file_is_titled_by_its_name_and_stores_dueAt_and_postFirst()
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, _) = await app.CreateSeminarAsync(teacher);

        var response = await UploadAsync(teacher, seminarId, "Week 3 reading.md", "# Week three\n\nRead it."u8.ToArray(),
            ("dueAt", "2026-12-03T18:00:00+01:00"), ("postFirst", "true"));
        var document = await GetDocumentAsync(teacher, response);

        Assert.Equal("Week 3 reading", document.GetProperty("title").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 17, 0, 0, TimeSpan.Zero), document.GetProperty("dueAt").GetDateTimeOffset());
        Assert.True(document.GetProperty("postFirst").GetBoolean());
    }

    [Fact]
    public async Task JSON_takes_dueAt_as_a_date_meaning_the_end_of_that_day_and_postFirst()
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, _) = await app.CreateSeminarAsync(teacher);

        var response = await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/documents",
            new { title = "Preface", text = "A spectre is haunting Europe.", dueAt = "2026-12-03", postFirst = true });
        var document = await GetDocumentAsync(teacher, response);
        var plain = await GetDocumentAsync(teacher, await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/documents",
            new { title = "No date", text = "Nothing due." }));

        Assert.Equal(DueDate.EndOf(new DateOnly(2026, 12, 3), TimeZoneInfo.Local), document.GetProperty("dueAt").GetDateTimeOffset());
        Assert.True(document.GetProperty("postFirst").GetBoolean());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("dueAt").ValueKind);
        Assert.False(plain.GetProperty("postFirst").GetBoolean());
    }

    [Theory]
    [InlineData("dueAt", "next Tuesday", "dueAt must be an ISO 8601 date or date-time")]
    [InlineData("dueAt", "12/03/2026", "dueAt must be an ISO 8601 date or date-time")]
    [InlineData("dueAt", "2026-02-30", "dueAt must be an ISO 8601 date or date-time")]
    [InlineData("postFirst", "yes", "postFirst must be true or false.")]
    public async Task Invalid_dueAt_or_postFirst_answers_400_on_both_paths_and_adds_nothing(string field, string value, string sentence)
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, _) = await app.CreateSeminarAsync(teacher);

        var upload = await UploadAsync(teacher, seminarId, "notes.txt", "Some notes."u8.ToArray(), (field, value));
        var json = await teacher.Http.PostAsync($"/api/seminars/{seminarId}/documents", new StringContent(
            $$"""{"title":"Notes","text":"Some notes.","{{field}}":"{{value}}"}""", Encoding.UTF8, "application/json"));

        Assert.StartsWith(sentence, await upload.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.StartsWith(sentence, await json.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Documents WHERE SeminarId = $id", ("$id", seminarId)));
    }

    [Fact]
    public async Task Parsing_that_takes_longer_than_the_time_limit_is_given_up_with_a_sentence()
    {
        // No time at all: the parser (on a worker) cannot have finished when the wait gives up. A timer of a
        // millisecond or two was not enough: warm and in Release, 40 pages were read before it fired.
        var importer = new DocumentImporter(NullLogger<DocumentImporter>.Instance) { TimeLimit = TimeSpan.Zero };
        var pdf = Pdf(Enumerable.Range(1, 200).Select(n => new[] { $"Page {n} of a long book." }).ToArray());

        var result = await importer.ImportAsync("book.pdf", pdf.Length, () => new MemoryStream(pdf));

        Assert.Null(result.Text);
        Assert.StartsWith("Reading the file took longer than", result.Problem);
    }

    private async Task<(string Text, IReadOnlyList<TextBlock> Blocks)> ImportAsync(string fileName, byte[] content)
    {
        var teacher = await app.RegisterAsync("teacher");
        var (seminarId, _) = await app.CreateSeminarAsync(teacher);
        var document = await GetDocumentAsync(teacher, await UploadAsync(teacher, seminarId, fileName, content));
        var text = document.GetProperty("text").GetString()!;
        return (text, TextBlocks.Parse(text));
    }

    private static string[] Headings(string text, IReadOnlyList<TextBlock> blocks) =>
        blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => text[b.Start..b.End]).ToArray();

    private static async Task<HttpResponseMessage> UploadAsync(ApiUser teacher, int seminarId, string fileName, byte[] content,
        params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await teacher.Http.PostAsync($"/api/seminars/{seminarId}/documents", form);
    }

    private static async Task<JsonElement> GetDocumentAsync(ApiUser teacher, HttpResponseMessage added)
    {
        var id = (await added.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        return await (await teacher.Http.GetAsync($"/api/documents/{id}")).JsonAsync();
    }
}
