using Annotate.Web.Features.Documents.Import;
using Microsoft.Extensions.Logging.Abstractions;
using static Annotate.Web.Tests.Infrastructure.TestFiles;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Reading an uploaded file has a time limit that really ends the work: PdfPig cannot be interrupted,
/// so the reader stops at the next page once the caller has given up, and gives its parsing slot back.
/// </summary>
public sealed class ParseTimeLimitTests
{
    private static readonly byte[] Book = Pdf(Enumerable.Range(1, 200).Select(n => new[] { $"Page {n} of a long book." }).ToArray());

    [Fact]
    public void The_PDF_reader_stops_at_the_next_page_once_told_to()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PdfFile.Read(Book, stop.Token));
    }

    [Fact]
    public async Task A_file_that_runs_out_of_time_is_refused_with_a_sentence_and_its_parser_gives_the_slot_back()
    {
        var importer = new DocumentImporter(NullLogger<DocumentImporter>.Instance) { TimeLimit = TimeSpan.Zero };

        var result = await importer.ImportAsync("book.pdf", Book.Length, () => new MemoryStream(Book));

        Assert.StartsWith("Reading the file took longer than", result.Problem);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (importer.FreeSlots < DocumentImporter.ParsingSlots) await Task.Delay(10, timeout.Token);
    }

    [Fact]
    public void A_Word_reader_told_to_stop_stops()
    {
        var docx = Docx("Heading2", new WordParagraph(null, "Workers of the world, unite."));
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => WordFile.Read(docx, stop.Token));
    }
}
