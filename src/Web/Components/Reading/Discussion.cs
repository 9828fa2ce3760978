using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;
using Annotate.Web.Components.Documents;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// What one reading page knows of a document's discussion: the text, the annotations its reader may see, where
/// each thread sits, and the feed events that came while it loaded. Plain state, so that tests drive it without
/// a renderer; <c>DocumentPage</c> loads it, feeds it and draws it. Public because components take it as a
/// parameter (the article draws it); what only the page uses stays internal.
/// </summary>
public sealed class Discussion
{
    private readonly Dictionary<Guid, AnnotationView> annotations = [];
    /// <summary>Each thread's replies in time order, by the id of the thread's first annotation.</summary>
    private readonly Dictionary<Guid, List<AnnotationView>> replies = [];
    private readonly Dictionary<Guid, ThreadModel> models = [];
    private readonly List<ThreadModel> threads = [];
    private readonly List<ThreadModel> orphans = [];
    private readonly Dictionary<Guid, string> keys = [];
    private readonly Dictionary<string, Guid> byKey = [];
    /// <summary>Per block, the threads whose passage reaches into it, in the order they came.</summary>
    private List<HighlightLayout.Covering>[] covering = [];
    private string[] markup = [];
    private readonly HashSet<int> redraw = [];
    /// <summary>Feed events that came while the page loaded; null once it has caught up.</summary>
    private List<FeedEvent>? held;

    public string Text { get; private set; } = "";

    public IReadOnlyList<TextBlock> Blocks { get; private set; } = [];

    /// <summary>
    /// Each block's words and highlights as HTML (see <see cref="MarkedText"/>): a new list when any block
    /// changed, holding the same string for every block that did not, so a redraw sends only what changed.
    /// </summary>
    public IReadOnlyList<string> Markup { get; private set; } = [];

    /// <summary>The threads placed on the text, in document order. A thread's model is replaced when it changes, and only then.</summary>
    public IReadOnlyList<ThreadModel> Threads => threads;

    /// <summary>The threads whose passage is no longer in the text, oldest first.</summary>
    public IReadOnlyList<ThreadModel> Orphans => orphans;

    /// <summary>Annotations the reader sees here, threads and replies.</summary>
    public int Count => annotations.Count;

    public IEnumerable<AnnotationView> Annotations => annotations.Values;

    /// <summary>Placing threads on a new revision, as far as this reader's threads go (teachers only); null when nothing is being placed.</summary>
    internal AnchoringTally? Anchoring { get; private set; }

    /// <summary>Whether events are being held for <see cref="CatchUp"/>.</summary>
    public bool IsLoading => held is not null;

    /// <summary>From now on events are held, not applied, until <see cref="CatchUp"/>: a page listens before it loads.</summary>
    public void HoldEvents() => held = [];

    /// <summary>The events held while loading, in order; from now on events are handled as they come.</summary>
    public IReadOnlyList<FeedEvent> CatchUp()
    {
        var arrived = held ?? [];
        held = null;
        return arrived;
    }

    /// <summary>A (re)load: the text and everything the reader may see of its discussion.</summary>
    public void Load(string text, IEnumerable<AnnotationView> visible)
    {
        // The text, its blocks and the annotations are the same for every page of the document: one copy of each.
        Text = SharedReading.Text(text);
        Blocks = SharedReading.Blocks(Text);
        annotations.Clear();
        replies.Clear();
        models.Clear();
        threads.Clear();
        orphans.Clear();
        foreach (var loaded in visible)
        {
            var annotation = SharedReading.Annotation(loaded);
            annotations[annotation.Id] = annotation;
            if (annotation.IsReply) RepliesOf(annotation.ThreadRootId).Add(annotation);
        }
        foreach (var list in replies.Values) list.Sort(ByTime);
        foreach (var root in annotations.Values)
        {
            if (root.IsReply || Model(root) is not { } model) continue;
            (model.Span is null ? orphans : threads).Add(model);
        }
        threads.Sort(InDocumentOrder);
        orphans.Sort(InDocumentOrder);

        covering = new List<HighlightLayout.Covering>[Blocks.Count];
        for (var b = 0; b < covering.Length; b++) covering[b] = [];
        markup = new string[Blocks.Count];
        foreach (var thread in threads) Cover(thread);
        for (var b = 0; b < markup.Length; b++) redraw.Add(b);
        Draw();
    }

    /// <summary>The reader may no longer see anything here.</summary>
    public void Clear()
    {
        Anchoring = null;
        Load(Text, []);
    }

    public bool Contains(Guid id) => annotations.ContainsKey(id);

    /// <summary>The thread whose highlight has <paramref name="key"/> in the article's marks.</summary>
    public Guid? ThreadOfKey(string key) => byKey.TryGetValue(key, out var id) && models.ContainsKey(id) ? id : null;

    /// <summary>The key of a thread in the article's marks (its cards carry it too).</summary>
    public string? KeyOf(Guid threadId) => keys.GetValueOrDefault(threadId);

    /// <summary>Where a thread is in <see cref="Threads"/>; -1 when it is not there.</summary>
    public int IndexOf(Guid threadId) =>
        models.TryGetValue(threadId, out var model) && model.Span is not null ? threads.BinarySearch(model, InDocumentOrder) : -1;

    /// <summary>
    /// What a feed event means for this page. Annotation events are applied here (those the reader may not
    /// see, and those that change nothing, such as the echo of the reader's own post, are dropped); the rest
    /// tell the page what to load again. While loading, every event is held and the answer is <see cref="FeedReaction.None"/>.
    /// </summary>
    internal FeedReaction Receive(FeedEvent feedEvent, Viewer viewer)
    {
        if (held is not null)
        {
            held.Add(feedEvent);
            return FeedReaction.None;
        }
        switch (feedEvent)
        {
            case AnnotationEvent annotationEvent when annotationEvent.KindFor(viewer) is { } kind:
                return Apply(kind, annotationEvent.Annotation) ? FeedReaction.DrawSoon : FeedReaction.None;
            case AnnotationsImportedEvent imported:
                return ApplyImported(imported.VisibleTo(viewer)) ? FeedReaction.DrawSoon : FeedReaction.None;
            case DocumentRevisedEvent:
                return FeedReaction.ReloadText;
            case AccessChangedEvent changed when changed.OthersAffected || changed.UserId == viewer.UserId:
                return FeedReaction.ReloadAccess;
            // Teachers only, and only their threads are counted: a count of all would tell how many are hidden.
            case AnchoringProgressEvent progress when viewer.IsTeacher:
                if (Anchoring?.Revision != progress.Revision) Anchoring = new AnchoringTally(progress.Revision, annotations.Values);
                Anchoring.Apply(progress);
                if (Anchoring.Finished) Anchoring = null;
                return FeedReaction.Draw;
            case FellBehindEvent:
                Anchoring = null;
                return FeedReaction.Reload;
            default:
                return FeedReaction.None;
        }
    }

    /// <summary>
    /// Takes in one change (the page's own, or an event's): only the thread it belongs to gets a new model, and
    /// only the blocks its passage reaches (before and after) new markup. Answers whether anything changed: a
    /// copy of what is held already, or an older version of it, changes nothing.
    /// </summary>
    internal bool Apply(AnnotationEventKind kind, AnnotationView annotation)
    {
        if (!Take(kind, annotation)) return false;
        Draw();
        return true;
    }

    /// <summary>
    /// An import's annotations (threads before their replies), thousands perhaps: each taken in as a new one, and
    /// the blocks they reach drawn once at the end, not once per annotation.
    /// </summary>
    private bool ApplyImported(IEnumerable<AnnotationView> imported)
    {
        var changed = false;
        foreach (var annotation in imported) changed |= Take(AnnotationEventKind.Created, annotation);
        Draw();
        return changed;
    }

    private bool Take(AnnotationEventKind kind, AnnotationView annotation)
    {
        annotations.TryGetValue(annotation.Id, out var held);
        if (kind == AnnotationEventKind.Deleted)
        {
            if (held is null) return false;
            annotations.Remove(held.Id);
            if (held.IsReply)
            {
                RepliesOf(held.ThreadRootId).RemoveAll(r => r.Id == held.Id);
                Refresh(held.ThreadRootId);
            }
            else
            {
                // A thread goes with its replies.
                Remove(held.Id);
                if (replies.Remove(held.Id, out var gone))
                    foreach (var reply in gone) annotations.Remove(reply.Id);
            }
        }
        else
        {
            if (held is not null && (annotation.Version < held.Version || SharedReading.SameAs(held, annotation))) return false;
            annotation = SharedReading.Annotation(annotation);
            annotations[annotation.Id] = annotation;
            if (annotation.IsReply)
            {
                var list = RepliesOf(annotation.ThreadRootId);
                list.RemoveAll(r => r.Id == annotation.Id);
                var at = list.BinarySearch(annotation, ByTime);
                list.Insert(at < 0 ? ~at : at, annotation);
                Refresh(annotation.ThreadRootId);
            }
            else
            {
                Remove(annotation.Id);
                Add(annotation);
            }
        }
        return true;
    }

    private void Add(AnnotationView root)
    {
        if (Model(root) is not { } model) return;
        var list = model.Span is null ? orphans : threads;
        var at = list.BinarySearch(model, InDocumentOrder);
        list.Insert(at < 0 ? ~at : at, model);
        Cover(model);
    }

    private void Remove(Guid rootId)
    {
        if (!models.Remove(rootId, out var model)) return;
        var list = model.Span is null ? orphans : threads;
        var at = list.BinarySearch(model, InDocumentOrder);
        if (at >= 0) list.RemoveAt(at);
        if (model.Span is not { } span) return;
        foreach (var b in BlocksOver(span))
        {
            covering[b].RemoveAll(c => c.Id == rootId);
            redraw.Add(b);
        }
    }

    /// <summary>A thread's replies changed: a new model in the same place (replies do not move a thread).</summary>
    private void Refresh(Guid rootId)
    {
        if (!models.TryGetValue(rootId, out var model)) return;
        var list = model.Span is null ? orphans : threads;
        var at = list.BinarySearch(model, InDocumentOrder);
        var refreshed = model with { Replies = RepliesOf(rootId).ToArray() };
        models[rootId] = refreshed;
        if (at >= 0) list[at] = refreshed;
    }

    /// <summary>A new model for a thread root, placed on the text; null for a root that has no passage at all.</summary>
    private ThreadModel? Model(AnnotationView root)
    {
        if (root.Quote is null) return null;
        var span = HighlightLayout.Find(Text, root);
        if (!keys.ContainsKey(root.Id))
        {
            var key = MarkedText.Key(root.Id);
            if (byKey.ContainsKey(key)) key = MarkedText.LongKey(root.Id);
            keys[root.Id] = key;
            byKey[key] = root.Id;
        }
        var model = new ThreadModel(root, span, span is { } s ? TextBlocks.ParagraphAt(Blocks, s.Start) : null,
            replies.TryGetValue(root.Id, out var list) ? list.ToArray() : []);
        models[root.Id] = model;
        return model;
    }

    private void Cover(ThreadModel thread)
    {
        if (thread.Span is not { } span) return;
        foreach (var b in BlocksOver(span))
        {
            covering[b].Add(HighlightLayout.Covering.Of(thread.Root, span));
            redraw.Add(b);
        }
    }

    /// <summary>Draws the blocks whose highlights changed; a new <see cref="Markup"/> list if any did.</summary>
    private void Draw()
    {
        if (redraw.Count == 0) return;
        foreach (var b in redraw)
            markup[b] = SharedReading.Text(MarkedText.Html(Text, Blocks[b], HighlightLayout.SegmentsOver(Blocks[b], covering[b]), keys));
        redraw.Clear();
        Markup = [.. markup];
    }

    /// <summary>The indexes of the blocks a span reaches into (a binary search, then a walk).</summary>
    private IEnumerable<int> BlocksOver(TextSpan span)
    {
        int low = 0, high = Blocks.Count - 1, first = Blocks.Count;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (Blocks[middle].End > span.Start) { first = middle; high = middle - 1; }
            else low = middle + 1;
        }
        for (var b = first; b < Blocks.Count && Blocks[b].Start < span.End; b++) yield return b;
    }

    private List<AnnotationView> RepliesOf(Guid rootId)
    {
        if (!replies.TryGetValue(rootId, out var list)) replies[rootId] = list = [];
        return list;
    }

    private static readonly Comparer<AnnotationView> ByTime = Comparer<AnnotationView>.Create((a, b) =>
        a.Created.CompareTo(b.Created) is var byCreated and not 0 ? byCreated : a.Id.CompareTo(b.Id));

    /// <summary>By where the passage starts, then by age; orphans (no passage) by age.</summary>
    private static readonly Comparer<ThreadModel> InDocumentOrder = Comparer<ThreadModel>.Create((a, b) =>
        (a.Span?.Start ?? int.MaxValue).CompareTo(b.Span?.Start ?? int.MaxValue) is var byStart and not 0 ? byStart
        : a.Root.Created.CompareTo(b.Root.Created) is var byCreated and not 0 ? byCreated
        : a.Id.CompareTo(b.Id));
}
