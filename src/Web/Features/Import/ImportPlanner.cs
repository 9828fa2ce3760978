using System.Diagnostics;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Import;

/// <summary>
/// Decides what an import does with each item of a file, without touching the database: threads are
/// placed on the document's current text by their quote (the position only chooses between repeats),
/// replies join the thread of the annotation they answer, once that one is decided, wherever it sits in
/// the file. Items already imported (same <see cref="Annotation.ImportKey"/>) or already on the document
/// are skipped, so importing a file twice adds nothing.
/// </summary>
/// <remarks>
/// A thread whose passage is not in this text (or is there several times, with nothing to tell which) is
/// kept as an orphan, with its replies: stored with the quote it came with and no position, listed under
/// Orphaned until someone attaches it, and placed by the next revision of the text that has its words.
/// What the placing budget leaves untried is not stored: it is not an orphan, only not tried, and
/// importing the file again places it (storing it as an orphan would leave it for attaching by hand).
/// </remarks>
internal sealed class ImportPlanner
{
    public const int MaxAttributionLength = 200;

    /// <summary>An annotation on the document that an item is, or that a reply answers; <paramref name="Orphan"/>: its thread is orphaned.</summary>
    public sealed record Known(Guid Id, Guid ThreadRootId, Visibility Visibility, int Revision, string? AddresseeId, bool Orphan = false);

    /// <param name="Visibility">What the importer chose: the widest visibility any imported thread gets.</param>
    /// <param name="ByImportKey">The importer's annotations on this document imported before, by key.</param>
    /// <param name="OnDocument">The annotations on this document the importer may see, by id.</param>
    /// <param name="PlacingBudget">How long placing quotes may take in all; the threads left then are reported as not placed, and not stored.</param>
    public sealed record Setting(
        string ImporterId,
        int DocumentId,
        string Text,
        int Revision,
        Visibility Visibility,
        DateTimeOffset Now,
        IReadOnlyDictionary<string, Known> ByImportKey,
        IReadOnlyDictionary<Guid, Known> OnDocument,
        TimeSpan? PlacingBudget = null);

    /// <summary>
    /// What to store (parents before their replies, orphans among them) and what to tell the importer:
    /// <paramref name="Orphans"/> are stored, <paramref name="NotPlaced"/> and <paramref name="Rejected"/> are not.
    /// </summary>
    public sealed record Plan(List<Annotation> ToStore, int Placed, int Fuzzy, int Skipped, List<ImportProblem> Rejected, List<ImportProblem> Orphans,
        List<ImportProblem> NotPlaced);

    private enum Outcome { Stored, Skipped, NotPlaced, Rejected }

    private sealed record Decision(Outcome Outcome, Known? Annotation = null);

    private readonly Setting setting;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, Decision> decided = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ImportItem>> waiting = new(StringComparer.Ordinal);
    private readonly HashSet<string> keysInFile = new(StringComparer.Ordinal);
    private readonly Queue<(ImportItem Reply, Decision Parent)> ready = new();
    private readonly List<Annotation> toStore = [];
    private readonly List<ImportProblem> rejected = [];
    private readonly List<ImportProblem> orphans = [];
    private readonly List<ImportProblem> notPlaced = [];
    private int placed, fuzzy, skipped;

    private ImportPlanner(Setting setting) => this.setting = setting;

    /// <param name="progress">Told how many items are decided, now and then.</param>
    public static Plan Make(IReadOnlyList<ImportItem> items, Setting setting, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var planner = new ImportPlanner(setting);
        var inFile = items.Where(i => i.SourceId is not null).Select(i => i.SourceId!).ToHashSet(StringComparer.Ordinal);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            planner.Take(item, inFile);
            planner.DrainReady();
            if (item.Index % 100 == 99) progress?.Invoke(item.Index + 1);
        }
        // What still waits answers a reply that itself waits: replies answering each other in a circle.
        while (planner.waiting.Count > 0)
        {
            var (parentId, replies) = planner.waiting.First();
            planner.waiting.Remove(parentId);
            foreach (var reply in replies)
                planner.Reject(reply, Words.Text("Import.ReplyCircle", parentId));
            planner.DrainReady();
        }
        progress?.Invoke(items.Count);
        return new Plan(planner.toStore, planner.placed, planner.fuzzy, planner.skipped, planner.rejected.OrderBy(p => p.Index).ToList(),
            planner.orphans.OrderBy(p => p.Index).ToList(), planner.notPlaced.OrderBy(p => p.Index).ToList());
    }

    private void Take(ImportItem item, HashSet<string> inFile)
    {
        if (item.Problem is { } problem)
        {
            Reject(item, problem);
            return;
        }
        if (!item.IsReply)
        {
            Decide(item, parent: null);
            return;
        }
        if (decided.TryGetValue(item.ReplyTo!, out var parent))
            Decide(item, parent);
        else if (AlreadyThere(ImportKey.Of(item), item.SourceId) is { } known)
            Skip(item, known);
        else if (inFile.Contains(item.ReplyTo!))
            Wait(item);
        else if (AlreadyThere(ImportKey.OfId(item.ReplyTo!), item.ReplyTo) is { } outside)
            Decide(item, new Decision(Outcome.Skipped, outside));
        else
            Reject(item, Words.Text("Import.ReplyToNothing", item.ReplyTo));
    }

    /// <summary>The reply's parent comes later in the file: decide the reply once the parent is decided.</summary>
    private void Wait(ImportItem reply)
    {
        if (!waiting.TryGetValue(reply.ReplyTo!, out var replies)) waiting[reply.ReplyTo!] = replies = [];
        replies.Add(reply);
    }

    private void DrainReady()
    {
        while (ready.TryDequeue(out var next)) Decide(next.Reply, next.Parent);
    }

    private void Decide(ImportItem item, Decision? parent)
    {
        var key = ImportKey.Of(item);
        if (AlreadyThere(key, item.SourceId) is { } known)
        {
            Skip(item, known);
            return;
        }
        if (!keysInFile.Add(key))
        {
            // The same annotation twice in one file: the first one counts.
            skipped++;
            return;
        }
        if (Check(item) is { } problem)
        {
            Reject(item, problem);
            return;
        }
        if (parent is { Annotation: null })
        {
            if (parent.Outcome == Outcome.NotPlaced) NotPlaced(item, Words.Text("Import.ReplyToNotPlaced"));
            else Reject(item, Words.Text("Import.ReplyToRejected", item.ReplyTo));
            return;
        }

        var annotation = NewAnnotation(item, key);
        if (parent?.Annotation is { } thread)
        {
            annotation.ParentId = thread.Id;
            annotation.ThreadId = thread.ThreadRootId;
            // A reply takes its thread's visibility, and feedback's addressee: it never shows more.
            annotation.Visibility = thread.Visibility;
            annotation.AddresseeId = thread.AddresseeId;
            annotation.DocumentRevision = thread.Revision;
            if (thread.Orphan) orphans.Add(Problem(item, annotation, Words.Text("Import.ReplyToOrphan")));
            else placed++;
            Store(item, annotation, thread.Orphan);
            return;
        }

        switch (Place(item))
        {
            case Placing.Found found:
                SetPassage(annotation, found.Quote, found.Position);
                if (found.Exact) placed++;
                else fuzzy++;
                Store(item, annotation, orphan: false);
                break;
            case Placing.Orphan orphan:
                // The words it came with, and no position: an orphan on this revision (see AnnotationService.LoadViewsAsync).
                SetPassage(annotation, orphan.Quote, position: null);
                orphans.Add(Problem(item, annotation, orphan.Reason));
                Store(item, annotation, orphan: true);
                break;
        }
    }

    private void Store(ImportItem item, Annotation annotation, bool orphan)
    {
        toStore.Add(annotation);
        Record(item, new Decision(Outcome.Stored,
            new Known(annotation.Id, annotation.ThreadId ?? annotation.Id, annotation.Visibility, annotation.DocumentRevision, annotation.AddresseeId, orphan)));
    }

    private void SetPassage(Annotation annotation, TextQuoteSelector quote, TextPositionSelector? position)
    {
        annotation.Exact = quote.Exact;
        annotation.Prefix = quote.Prefix;
        annotation.Suffix = quote.Suffix;
        annotation.Start = position?.Start;
        annotation.End = position?.End;
        annotation.DocumentRevision = setting.Revision;
    }

    private static ImportProblem Problem(ImportItem item, Annotation stored, string reason) =>
        new(item.Index, item.SourceId, reason) { AnnotationId = stored.Id };

    /// <summary>The rules every annotation is held to (the same sentences as the editor and the API), and what an import cannot carry.</summary>
    private static string? Check(ImportItem item)
    {
        if (AnnotationRules.CheckMotivation(item.Motivation) is { } badMotivation) return badMotivation;
        if (item.Motivation == Motivations.Replying && !item.IsReply)
            return Words.Text("Import.ReplyTarget");
        if (item.Motivation == Motivations.Assessing)
            return Words.Text("Import.NoFeedback");
        return AnnotationRules.CheckBody(item.Motivation, item.Body) ?? AnnotationRules.CheckTags(item.Tags);
    }

    /// <summary>Where a thread goes: on a passage of this text, or kept as an orphan with the quote it came with.</summary>
    private abstract record Placing
    {
        public sealed record Found(TextQuoteSelector Quote, TextPositionSelector Position, bool Exact) : Placing;

        public sealed record Orphan(TextQuoteSelector Quote, string Reason) : Placing;
    }

    /// <summary>Where the thread goes on the current text, or null after reporting why it goes nowhere.</summary>
    private Placing? Place(ImportItem item)
    {
        // Fuzzy matching of quotes that are nowhere in the text is the dear part: it stops when the budget is spent.
        if (setting.PlacingBudget is { } budget && Stopwatch.GetElapsedTime(started) >= budget)
        {
            NotPlaced(item, Words.Text("Import.OutOfTime", budget.TotalSeconds));
            return null;
        }
        var text = setting.Text;
        var span = item.Quote is { } quote ? TextAnchor.Locate(text, quote, item.Position) : PassageResolver.SpanAt(text, item.Position!);
        if (span is { } found)
        {
            var (described, position) = TextAnchor.Describe(text, found);
            return new Placing.Found(described, position, item.Quote is null || described.Exact == item.Quote.Exact);
        }
        if (item.Quote is not { } lost)
        {
            Reject(item, Words.Text("Import.PositionPastEnd", item.Position!.Start, item.Position.End));
            return null;
        }
        var reason = PassageResolver.Occurrences(text, lost.Exact) is > 1 and var count
            ? Words.Text("Import.QuoteAmbiguous", count)
            : Words.Text("Import.QuoteMissing", PassageResolver.Shorten(lost.Exact));
        return new Placing.Orphan(WithContextOf32(lost), reason);
    }

    /// <summary>The source's quote with at most 32 code points of context either side, as every stored quote has.</summary>
    private static TextQuoteSelector WithContextOf32(TextQuoteSelector quote)
    {
        var around = quote.Prefix + quote.Exact + quote.Suffix;
        return TextAnchor.Describe(around, new TextSpan(quote.Prefix.Length, quote.Prefix.Length + quote.Exact.Length)).Quote;
    }

    private Annotation NewAnnotation(ImportItem item, string key)
    {
        var now = setting.Now;
        // The source's times, when they are times at all and not in the future.
        var created = item.Created is { } c && c <= now ? c.ToUniversalTime() : now;
        var modified = item.Modified is { } m && m >= created && m <= now ? m.ToUniversalTime() : created;
        return new Annotation
        {
            Id = Guid.CreateVersion7(now),
            DocumentId = setting.DocumentId,
            AuthorId = setting.ImporterId,
            Motivation = item.Motivation,
            Visibility = item.Visibility is { } own ? VisibilityScope.Narrower(own, setting.Visibility) : setting.Visibility,
            Body = item.Body,
            Tags = string.Join('\n', item.Tags),
            ImportKey = key,
            AttributedTo = item.AttributedTo is { Length: > MaxAttributionLength } name ? name[..MaxAttributionLength] : item.AttributedTo,
            Created = created,
            Modified = modified,
        };
    }

    /// <summary>
    /// The annotation an item (by its key) or a reply's target (by its id) already is on this document:
    /// imported before by this importer, or, for an id that is an annotation IRI of ours, that annotation.
    /// </summary>
    private Known? AlreadyThere(string key, string? sourceId = null) =>
        setting.ByImportKey.GetValueOrDefault(key)
        ?? (sourceId is not null && AnnotationJsonReader.TryParseAnnotationIri(sourceId, out var id) ? setting.OnDocument.GetValueOrDefault(id) : null);

    private void Skip(ImportItem item, Known known)
    {
        skipped++;
        Record(item, new Decision(Outcome.Skipped, known));
    }

    private void Reject(ImportItem item, string reason)
    {
        rejected.Add(new ImportProblem(item.Index, item.SourceId, reason));
        Record(item, new Decision(Outcome.Rejected));
    }

    private void NotPlaced(ImportItem item, string reason)
    {
        notPlaced.Add(new ImportProblem(item.Index, item.SourceId, reason));
        Record(item, new Decision(Outcome.NotPlaced));
    }

    /// <summary>Remembers what became of an item with an id, and lets the replies waiting for it go next.</summary>
    private void Record(ImportItem item, Decision decision)
    {
        if (item.SourceId is not { } id || !decided.TryAdd(id, decision)) return;
        if (!waiting.Remove(id, out var replies)) return;
        foreach (var reply in replies) ready.Enqueue((reply, decision));
    }
}
