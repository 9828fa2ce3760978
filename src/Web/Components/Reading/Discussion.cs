using Annotate.Shared;
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
/// <remarks>
/// Issue 12: an open page may cost at most twice a bare one. So a page holds its threads as one list of
/// references, in document order, to thread models that every page holding an equal one shares
/// (<see cref="SharedReading"/>), and no index of its own by id or by key: a lookup walks the list, which is
/// a few microseconds at 2,000 threads and happens once per event or click. What a page holds is still only
/// what its reader loaded: nothing it shares can bring it a thread the visibility rule hides from them.
/// </remarks>
public sealed partial class Discussion
{
    /// <summary>The threads placed on the text, in document order.</summary>
    private readonly List<ThreadModel> threads = [];
    private readonly List<ThreadModel> orphans = [];
    /// <summary>What the reader sees here that no thread shows (rare): roots with no passage, replies whose thread is not here.</summary>
    private readonly List<AnnotationView> loose = [];
    /// <summary>Placed threads named in the marks by their long key, because another placed thread here has their short one (rare).</summary>
    private readonly HashSet<Guid> longKeys = [];
    private string[] markup = [];
    private readonly HashSet<int> redraw = [];
    /// <summary>Feed events that came while the page loaded; null once it has caught up.</summary>
    private List<FeedEvent>? held;

    public string Text { get; private set; } = "";

    public IReadOnlyList<TextBlock> Blocks { get; private set; } = [];

    /// <summary>
    /// Each block as HTML, its words and highlights (see <see cref="MarkedText"/>): a new list when any block
    /// changed, holding the same string for every block that did not, so a redraw sends only what changed.
    /// </summary>
    public IReadOnlyList<string> Markup { get; private set; } = [];

    /// <summary>The threads placed on the text, in document order. A thread's model is replaced when it changes, and only then.</summary>
    public IReadOnlyList<ThreadModel> Threads => threads;

    /// <summary>The threads whose passage is no longer in the text, oldest first.</summary>
    public IReadOnlyList<ThreadModel> Orphans => orphans;

    /// <summary>Annotations the reader sees here, threads and replies.</summary>
    public int Count { get; private set; }

    public IEnumerable<AnnotationView> Annotations =>
        threads.Concat(orphans).SelectMany(t => t.Replies.Prepend(t.Root)).Concat(loose);

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
        threads.Clear();
        orphans.Clear();
        loose.Clear();
        longKeys.Clear();
        var roots = new List<AnnotationView>();
        // Only while loading: each thread's replies, by the id of its first annotation.
        var repliesOf = new Dictionary<Guid, List<AnnotationView>>();
        foreach (var loaded in visible)
        {
            var annotation = SharedReading.Annotation(loaded);
            if (!annotation.IsReply) roots.Add(annotation);
            else if (repliesOf.TryGetValue(annotation.ThreadRootId, out var list)) list.Add(annotation);
            else repliesOf[annotation.ThreadRootId] = [annotation];
        }
        Count = roots.Count + repliesOf.Values.Sum(list => list.Count);
        foreach (var root in roots)
        {
            var replies = repliesOf.Remove(root.Id, out var list) ? [.. list.Order(ByTime)] : Array.Empty<AnnotationView>();
            Place(root, replies, inOrder: false);
        }
        foreach (var unplaced in repliesOf.Values) loose.AddRange(unplaced);
        threads.Sort(InDocumentOrder);
        orphans.Sort(InDocumentOrder);
        NameThreads();

        markup = new string[Blocks.Count];
        for (var b = 0; b < markup.Length; b++) redraw.Add(b);
        Draw();
    }

    /// <summary>The reader may no longer see anything here.</summary>
    public void Clear()
    {
        Anchoring = null;
        Load(Text, []);
    }

    public bool Contains(Guid id) =>
        ThreadOf(id) is not null || loose.Exists(a => a.Id == id) || threads.Concat(orphans).Any(t => IndexOfReply(t, id) >= 0);

    /// <summary>The thread whose highlight has <paramref name="key"/> in the article's marks.</summary>
    public Guid? ThreadOfKey(string key)
    {
        foreach (var thread in threads)
            if (MarkedText.Names(key, thread.Id, longKeys.Contains(thread.Id))) return thread.Id;
        return null;
    }

    /// <summary>The key of a thread in the article's marks (its cards carry it too).</summary>
    public string? KeyOf(Guid threadId) => ThreadOf(threadId) is null ? null : MarkedText.KeyOf(threadId, longKeys.Contains(threadId));

    /// <summary>Where a thread is in <see cref="Threads"/>; -1 when it is not there.</summary>
    public int IndexOf(Guid threadId) => IndexIn(threads, threadId);

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
                if (Anchoring?.Revision != progress.Revision) Anchoring = new AnchoringTally(progress.Revision, Annotations);
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

    private ThreadModel? ThreadOf(Guid rootId) =>
        IndexIn(threads, rootId) is var at and >= 0 ? threads[at]
        : IndexIn(orphans, rootId) is var orphan and >= 0 ? orphans[orphan]
        : null;

    private static int IndexIn(List<ThreadModel> list, Guid id)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i].Id == id) return i;
        return -1;
    }

    private static int IndexOfReply(ThreadModel thread, Guid id)
    {
        for (var i = 0; i < thread.Replies.Count; i++)
            if (thread.Replies[i].Id == id) return i;
        return -1;
    }

    private static readonly Comparer<AnnotationView> ByTime = Comparer<AnnotationView>.Create((a, b) =>
        a.Created.CompareTo(b.Created) is var byCreated and not 0 ? byCreated : a.Id.CompareTo(b.Id));

    /// <summary>By where the passage starts, then by age; orphans (no passage) by age.</summary>
    private static readonly Comparer<ThreadModel> InDocumentOrder = Comparer<ThreadModel>.Create((a, b) =>
        (a.Span?.Start ?? int.MaxValue).CompareTo(b.Span?.Start ?? int.MaxValue) is var byStart and not 0 ? byStart
        : a.Root.Created.CompareTo(b.Root.Created) is var byCreated and not 0 ? byCreated
        : a.Id.CompareTo(b.Id));
}
