using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;

namespace Annotate.Web.Features.Import;

/// <summary>
/// Decides what an import does with each item of a file, without touching the database: threads are
/// placed on the document's current text by their quote (the position only chooses between repeats),
/// replies join the thread of the annotation they answer, once that one is decided, wherever it sits in
/// the file. Items already imported (same <see cref="Annotation.ImportKey"/>) or already on the document
/// are skipped, so importing a file twice adds nothing.
/// </summary>
/// <remarks>
/// An orphan (a passage not in this text) is reported and not stored: an imported thread that is
/// nowhere in the text would only sit under Orphaned for its importer to re-attach by hand, and the
/// report already names it; fix the text or the file and import again, and it comes in then.
/// </remarks>
internal sealed class ImportPlanner
{
    public const int MaxAttributionLength = 200;
    private const int MaxKeyLength = 200;

    /// <summary>An annotation on the document that an item is, or that a reply answers.</summary>
    public sealed record Known(Guid Id, Guid ThreadRootId, Visibility Visibility, int Revision, string? AddresseeId);

    /// <param name="Visibility">What the importer chose: the widest visibility any imported thread gets.</param>
    /// <param name="ByImportKey">The importer's annotations on this document imported before, by key.</param>
    /// <param name="OnDocument">The annotations on this document the importer may see, by id.</param>
    /// <param name="PlacingBudget">How long placing quotes may take in all; the threads left then are reported, not placed.</param>
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

    /// <summary>What to store (parents before their replies) and what to tell the importer.</summary>
    public sealed record Plan(List<Annotation> ToStore, int Placed, int Fuzzy, int Skipped, List<ImportProblem> Rejected, List<ImportProblem> Orphans);

    private enum Outcome { Stored, Skipped, Orphaned, NotPlaced, Rejected }

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
                planner.Reject(reply, $"It answers \"{parentId}\", but that and the replies around it answer each other in a circle.");
            planner.DrainReady();
        }
        progress?.Invoke(items.Count);
        return new Plan(planner.toStore, planner.placed, planner.fuzzy, planner.skipped,
            planner.rejected.OrderBy(p => p.Index).ToList(), planner.orphans.OrderBy(p => p.Index).ToList());
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
        else if (AlreadyThere(Key(item), item.SourceId) is { } known)
            Skip(item, known);
        else if (inFile.Contains(item.ReplyTo!))
            Wait(item);
        else if (AlreadyThere(KeyOfId(item.ReplyTo!), item.ReplyTo) is { } outside)
            Decide(item, new Decision(Outcome.Skipped, outside));
        else
            Reject(item, $"It answers \"{item.ReplyTo}\", which is neither in this file nor on this document.");
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
        var key = Key(item);
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
            if (parent.Outcome == Outcome.Orphaned) Orphan(item, "It answers an annotation whose passage is not in this text.");
            else if (parent.Outcome == Outcome.NotPlaced) Orphan(item, "It answers an annotation that was not placed in time.", Outcome.NotPlaced);
            else Reject(item, $"It answers \"{item.ReplyTo}\", which was not imported.");
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
            placed++;
        }
        else if (Place(item) is { } passage)
        {
            annotation.Exact = passage.Quote.Exact;
            annotation.Prefix = passage.Quote.Prefix;
            annotation.Suffix = passage.Quote.Suffix;
            annotation.Start = passage.Position.Start;
            annotation.End = passage.Position.End;
            annotation.DocumentRevision = setting.Revision;
            if (passage.Exact) placed++;
            else fuzzy++;
        }
        else
        {
            return;
        }
        toStore.Add(annotation);
        Record(item, new Decision(Outcome.Stored,
            new Known(annotation.Id, annotation.ThreadId ?? annotation.Id, annotation.Visibility, annotation.DocumentRevision, annotation.AddresseeId)));
    }

    /// <summary>The rules every annotation is held to (the same sentences as the editor and the API), and what an import cannot carry.</summary>
    private static string? Check(ImportItem item)
    {
        if (AnnotationRules.CheckMotivation(item.Motivation) is { } badMotivation) return badMotivation;
        if (item.Motivation == Motivations.Replying && !item.IsReply)
            return "A reply's target must be the id of the annotation it answers.";
        if (item.Motivation == Motivations.Assessing)
            return "Teacher feedback (motivation \"assessing\") is not imported: it was written for one student, elsewhere.";
        return AnnotationRules.CheckBody(item.Motivation, item.Body) ?? AnnotationRules.CheckTags(item.Tags);
    }

    private sealed record Passage(TextQuoteSelector Quote, TextPositionSelector Position, bool Exact);

    /// <summary>Where the thread goes on the current text, or null after reporting why it goes nowhere.</summary>
    private Passage? Place(ImportItem item)
    {
        // Fuzzy matching of quotes that are nowhere in the text is the dear part: it stops when the budget is spent.
        if (setting.PlacingBudget is { } budget && Stopwatch.GetElapsedTime(started) >= budget)
        {
            Orphan(item, string.Create(CultureInfo.InvariantCulture,
                $"Not placed: placing the file's quotes took longer than {budget.TotalSeconds:0.#} seconds, so this one was not tried. Import the file again to place the rest; what is already there is skipped."),
                Outcome.NotPlaced);
            return null;
        }
        var text = setting.Text;
        var span = item.Quote is { } quote ? TextAnchor.Locate(text, quote, item.Position) : PassageResolver.SpanAt(text, item.Position!);
        if (span is not { } found)
        {
            if (item.Quote is not null && PassageResolver.Occurrences(text, item.Quote.Exact) is > 1 and var count)
                Reject(item, $"The quoted passage occurs {count} times in this text and its selectors do not say which one is meant.");
            else if (item.Quote is null)
                Orphan(item, $"The position {item.Position!.Start}–{item.Position.End} is past the end of this text.");
            else
                Orphan(item, $"The quoted passage is not in this text: \"{PassageResolver.Shorten(item.Quote.Exact)}\".");
            return null;
        }
        var (described, position) = TextAnchor.Describe(text, found);
        return new Passage(described, position, item.Quote is null || described.Exact == item.Quote.Exact);
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

    private void Orphan(ImportItem item, string reason, Outcome outcome = Outcome.Orphaned)
    {
        orphans.Add(new ImportProblem(item.Index, item.SourceId, reason));
        Record(item, new Decision(outcome));
    }

    /// <summary>Remembers what became of an item with an id, and lets the replies waiting for it go next.</summary>
    private void Record(ImportItem item, Decision decision)
    {
        if (item.SourceId is not { } id || !decided.TryAdd(id, decision)) return;
        if (!waiting.Remove(id, out var replies)) return;
        foreach (var reply in replies) ready.Enqueue((reply, decision));
    }

    /// <summary>
    /// What makes an imported annotation the same one the next time: its source id, or for one without,
    /// a hash of what it says and where.
    /// </summary>
    private static string Key(ImportItem item)
    {
        if (item.SourceId is { Length: > 0 } id) return KeyOfId(id);
        var fields = new[]
        {
            item.Quote?.Exact, item.Quote?.Prefix, item.Quote?.Suffix, item.Position?.Start.ToString(CultureInfo.InvariantCulture), item.Position?.End.ToString(CultureInfo.InvariantCulture),
            item.ReplyTo, item.Motivation, item.Body, string.Join('\n', item.Tags), item.Created?.ToUniversalTime().ToString("O"),
        };
        return Hash(string.Join('\u001f', fields));
    }

    private static string KeyOfId(string id) => id.Length <= MaxKeyLength ? id : Hash(id);

    private static string Hash(string value) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
