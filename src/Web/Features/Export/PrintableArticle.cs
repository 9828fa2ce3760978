using System.Globalization;
using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;
using Annotate.Shared.W3c;
using Annotate.Web.Components.Reading;
using Annotate.Web.Features.Annotations;
using static Annotate.Web.Resources.Words;

namespace Annotate.Web.Features.Export;

/// <summary>
/// What the printable formats (HTML and PDF) share: the article cut into blocks and runs the way the
/// reading page cuts it (overlapping passages become flat runs), one note number per thread in document
/// order, and the words the notes are labelled with. The two formats only differ in how they draw it.
/// </summary>
internal sealed class PrintableArticle
{
    /// <summary>A thread with its number; <see cref="Span"/> (UTF-16) is null when its passage is no longer in the text.</summary>
    public sealed record Note(int Number, ExportThread Thread, TextSpan? Span)
    {
        public bool Orphan => Span is null;
    }

    /// <summary>
    /// A run of one block covered by the same set of passages (<see cref="Depth"/> of them, none for plain text).
    /// <see cref="Starting"/> and <see cref="Ending"/> are the numbers of the notes whose passage starts or ends in it.
    /// </summary>
    public sealed record Run(int Start, int End, int Depth, bool OnlyHighlights, IReadOnlyList<int> Starting, IReadOnlyList<int> Ending);

    /// <summary>One block of the article and its runs, in order, covering it completely.</summary>
    public sealed record Block(TextBlock Text, IReadOnlyList<Run> Runs);

    // Long passages are cut in the notes: the article above shows them whole.
    private const int MaxQuoteLength = 320;

    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>Placed notes in document order, then the orphans, numbered on from them.</summary>
    public IReadOnlyList<Note> Notes { get; }

    public int ReplyCount { get; }

    public PrintableArticle(ExportContent content)
    {
        var placed = HighlightLayout.Place(content.Text, content.Threads.Select(t => t.Root));
        var spans = placed.ToDictionary(p => p.Thread.Id, p => p.Span);
        var ordered = content.Threads
            .Select((thread, index) => (thread, index, span: spans.GetValueOrDefault(thread.Root.Id)))
            // Numbers must rise through the text even if the threads came in another order.
            .OrderBy(t => t.span is null ? 1 : 0).ThenBy(t => t.span?.Start ?? 0).ThenBy(t => t.index)
            .ToList();
        Notes = ordered.Select((t, i) => new Note(i + 1, t.thread, t.span)).ToList();
        ReplyCount = content.Threads.Sum(t => t.Replies.Count);

        var numbers = Notes.ToDictionary(n => n.Thread.Root.Id, n => n.Number);
        var segmented = TextBlocks.Parse(content.Text)
            .Select(block => (block, segments: HighlightLayout.Segments(block, placed)))
            .ToList();

        // A note's number goes where its passage starts (the PDF's margin) and after where it ends (the
        // HTML's superscript): the first and last runs that cover it, which may be in different blocks.
        var first = new Dictionary<Guid, (int Block, int Run)>();
        var last = new Dictionary<Guid, (int Block, int Run)>();
        for (var b = 0; b < segmented.Count; b++)
        {
            var segments = segmented[b].segments;
            for (var r = 0; r < segments.Count; r++)
            {
                foreach (var id in segments[r].Threads)
                {
                    first.TryAdd(id, (b, r));
                    last[id] = (b, r);
                }
            }
        }

        Blocks = segmented.Select((s, b) => new Block(s.block, s.segments.Select((segment, r) => new Run(
            segment.Start, segment.End, segment.Depth, segment.OnlyHighlights,
            NumbersAt(first, segment, numbers, (b, r)),
            NumbersAt(last, segment, numbers, (b, r)))).ToList())).ToList();
    }

    private static IReadOnlyList<int> NumbersAt(Dictionary<Guid, (int, int)> where, HighlightLayout.Segment segment,
        Dictionary<Guid, int> numbers, (int, int) here) =>
        segment.Threads.Where(id => where[id] == here).Select(id => numbers[id]).Order().ToList();

    /// <summary>Headline of the export's first page: the seminar, and what the export holds.</summary>
    public string Contents(ExportContent content)
    {
        var orphans = Notes.Count(n => n.Orphan);
        string threads = Notes.Count == 1 ? L["Export.ThreadsOne", 1] : L["Export.ThreadsMany", Notes.Count];
        string replies = ReplyCount == 1 ? L["Export.RepliesOne", 1] : L["Export.RepliesMany", ReplyCount];
        string summary = Notes.Count == 0 ? L["Export.NoAnnotations"] : L["Export.ThreadsWithReplies", threads, replies];
        if (orphans > 0) summary = L["Export.WithOrphans", summary, orphans];
        return L["Export.ExportedFor", summary, content.ReaderName, Time(content.GeneratedAt)];
    }

    /// <summary>The label a note carries beside its author, or null for a plain comment or reply.</summary>
    public static string? Kind(AnnotationView annotation) => annotation.Motivation switch
    {
        Motivations.Assessing => L["Export.LabelFeedback"].Value,
        Motivations.Highlighting => L["Export.LabelHighlight"].Value,
        Motivations.Questioning => L["Export.LabelQuestion"].Value,
        _ => null,
    };

    /// <summary>Marks a teacher set on a thread (resolved, exemplary), for the byline.</summary>
    public static IEnumerable<string> Flags(AnnotationView annotation)
    {
        if (annotation.ResolvedAt is { } resolved) yield return L["Export.ResolvedAt", Time(resolved)];
        if (annotation.Exemplary) yield return L["Export.Exemplary"];
    }

    /// <summary>Who wrote it: for an imported annotation, the person named in the source.</summary>
    public static string Author(AnnotationView annotation) => ExportText.Author(annotation);

    /// <summary>
    /// Times print in UTC with the zone named: a printed page cannot adapt to its reader's clock. The pattern and the
    /// month's name are the exporting person's language.
    /// </summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString(L["Export.TimeFormat"], CultureInfo.CurrentCulture);

    /// <summary>The passage a note quotes, cut at a word after <see cref="MaxQuoteLength"/> characters.</summary>
    public static string Quote(AnnotationView root)
    {
        var exact = (root.Quote?.Exact ?? "").ReplaceLineEndings(" ").Replace("  ", " ");
        if (exact.Length <= MaxQuoteLength) return exact;
        var cut = exact.LastIndexOf(' ', MaxQuoteLength);
        if (cut < MaxQuoteLength / 2) cut = MaxQuoteLength;
        // Never end between the two halves of a surrogate pair.
        if (char.IsLowSurrogate(exact[cut])) cut--;
        return exact[..cut].TrimEnd() + " …";
    }
}
