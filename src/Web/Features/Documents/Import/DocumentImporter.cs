
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Documents.Import;

/// <summary>
/// Turns an uploaded file (.txt, .md, .docx, .pdf) into a document's canonical text, or into the sentence
/// that says why it cannot be one. The API and the Add document dialog both call this.
/// </summary>
/// <remarks>
/// PdfPig and OpenXml take no cancellation token, so a file is parsed on a worker thread and the caller
/// stops waiting after <see cref="TimeLimit"/>. The worker is told to stop too, and the readers stop at
/// the next page (PDF) or paragraph (Word); what the libraries do in between cannot be interrupted, so a
/// worker holds one of <see cref="ParsingSlots"/> slots until it has really stopped, and files that take
/// long tie up at most that many threads and never pile up; callers who find no free slot within the
/// time limit are told so.
/// </remarks>
internal sealed class DocumentImporter(ILogger<DocumentImporter> logger)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The file kinds, for a file input's accept attribute.</summary>
    public const string Accept = ".txt,.md,.docx,.pdf";

    public const int ParsingSlots = 2;

    // Sentences for people, in the language of the request (Words): the dialog and the API's problem+json alike.
    public static string TooLarge => L["Document.ImportTooLarge"];
    public static string Empty => L["Document.ImportEmpty"];
    public static string NoText => L["Document.ImportNoText"];
    internal static string TextTooLong => L["Document.ImportTextTooLong"];
    private static string Busy => L["Document.ImportBusy"];
    private static string Unreadable => L["Document.ImportUnreadable"];

    private static readonly Dictionary<string, Func<byte[], CancellationToken, string>> Readers = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = (bytes, _) => PlainTextFile.Read(bytes),
        [".md"] = (bytes, _) => MarkdownFile.Read(bytes),
        [".docx"] = WordFile.Read,
        [".pdf"] = PdfFile.Read,
    };

    private readonly SemaphoreSlim slots = new(ParsingSlots);

    /// <summary>How long a caller waits for a file to be parsed (and for a free slot to parse it in).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Slots not held by a parser now.</summary>
    public int FreeSlots => slots.CurrentCount;

    /// <summary>The sentence for a file name whose kind cannot be read, or null when it can.</summary>
    public static string? CheckFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (Readers.ContainsKey(extension)) return null;
        return extension.Length == 0
            ? L["Document.ImportNoExtension"]
            : L["Document.ImportWrongKind", extension.ToLowerInvariant()];
    }

    /// <param name="open">Opens the file's content; called only once the name and size are acceptable, so a refused file is never read.</param>
    public async Task<ImportResult> ImportAsync(string fileName, long size, Func<Stream> open, CancellationToken cancellationToken = default)
    {
        if (CheckFileName(fileName) is { } problem) return ImportResult.Refused(problem);
        if (size == 0) return ImportResult.Refused(Empty);
        if (size > MaxFileBytes) return ImportResult.Refused(TooLarge);

        byte[]? bytes;
        await using (var content = open()) bytes = await ReadAtMostAsync(content, MaxFileBytes, cancellationToken);
        if (bytes is null) return ImportResult.Refused(TooLarge);
        if (bytes.Length == 0) return ImportResult.Refused(Empty);

        var read = Readers[Path.GetExtension(fileName)];
        if (!await slots.WaitAsync(TimeLimit, cancellationToken)) return ImportResult.Refused(Busy);
        // Tells the worker to stop once the caller has stopped waiting; disposed by the worker, which may outlive the wait.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeLimit);
        var parsing = Task.Run(() =>
        {
            try { return read(bytes, stop.Token); }
            finally
            {
                stop.Dispose();
                slots.Release();
            }
        }, CancellationToken.None);

        string text;
        try
        {
            text = await parsing.WaitAsync(TimeLimit, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Gave up reading {FileName} ({Size} bytes) after {Seconds} s.", fileName, bytes.Length, TimeLimit.TotalSeconds);
            return ImportResult.Refused(L["Document.ImportTooSlow", TimeLimit.TotalSeconds]);
        }
        catch (UnreadableFileException e)
        {
            return ImportResult.Refused(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A parser failing in a way we did not foresee: still a sentence for the teacher, and a trace for us.
            logger.LogWarning(e, "Could not read {FileName} ({Size} bytes).", fileName, bytes.Length);
            return ImportResult.Refused(Unreadable);
        }

        if (string.IsNullOrWhiteSpace(text)) return ImportResult.Refused(NoText);
        if (text.Length > DocumentService.MaxTextLength) return ImportResult.Refused(TextTooLong);
        return ImportResult.Read(text);
    }

    /// <summary>The whole stream, or null when it holds more than <paramref name="max"/> bytes (whatever size was claimed).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int count;
        while ((count = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, count);
            if (buffer.Length > max) return null;
        }
        return buffer.ToArray();
    }
}
