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
/// a renderer; <c>DocumentPage</c> loads it, feeds it and draws it.
/// </summary>
internal sealed class Discussion
{
    private readonly List<AnnotationView> annotations = [];
    /// <summary>Feed events that came while the page loaded; null once it has caught up.</summary>
    private List<FeedEvent>? held;

    public string Text { get; private set; } = "";

    public IReadOnlyList<TextBlock> Blocks { get; private set; } = [];

    /// <summary>Every thread root with where it sits now; a new list after every change, so the article knows to redraw.</summary>
    public IReadOnlyList<HighlightLayout.PlacedThread> Placed { get; private set; } = [];

    /// <summary>The threads placed on the text, in document order.</summary>
    public IReadOnlyList<ThreadModel> Threads { get; private set; } = [];

    /// <summary>The threads whose passage is no longer in the text.</summary>
    public IReadOnlyList<ThreadModel> Orphans { get; private set; } = [];

    /// <summary>Annotations the reader sees here, threads and replies.</summary>
    public int Count => annotations.Count;

    public IReadOnlyList<AnnotationView> Annotations => annotations;

    /// <summary>Placing threads on a new revision, as far as this reader's threads go (teachers only); null when nothing is being placed.</summary>
    public AnchoringTally? Anchoring { get; private set; }

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
        if (text != Text) Blocks = TextBlocks.Parse(text);
        Text = text;
        annotations.Clear();
        annotations.AddRange(visible);
        Rebuild();
    }

    /// <summary>The reader may no longer see anything here.</summary>
    public void Clear()
    {
        annotations.Clear();
        Anchoring = null;
        Rebuild();
    }

    public bool Contains(Guid id) => annotations.Exists(a => a.Id == id);

    /// <summary>
    /// What a feed event means for this page. Annotation events are applied here (those the reader may not
    /// see, and those that change nothing, such as the echo of the reader's own post, are dropped); the rest
    /// tell the page what to load again. While loading, every event is held and the answer is <see cref="FeedReaction.None"/>.
    /// </summary>
    public FeedReaction Receive(FeedEvent feedEvent, Viewer viewer)
    {
        if (held is not null)
        {
            held.Add(feedEvent);
            return FeedReaction.None;
        }
        switch (feedEvent)
        {
            case AnnotationEvent annotationEvent when annotationEvent.KindFor(viewer) is { } kind:
                return Apply(kind, annotationEvent.Annotation, rebuild: false) ? FeedReaction.DrawSoon : FeedReaction.None;
            case DocumentRevisedEvent:
                return FeedReaction.ReloadText;
            case AccessChangedEvent changed when changed.OthersAffected || changed.UserId == viewer.UserId:
                return FeedReaction.ReloadAccess;
            // Teachers only, and only their threads are counted: a count of all would tell how many are hidden.
            case AnchoringProgressEvent progress when viewer.IsTeacher:
                if (Anchoring?.Revision != progress.Revision) Anchoring = new AnchoringTally(progress.Revision, annotations);
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
    /// Takes in one change (the page's own, or an event's). Answers whether anything changed: a copy of what is
    /// held already, or an older version of it, changes nothing.
    /// </summary>
    public bool Apply(AnnotationEventKind kind, AnnotationView annotation, bool rebuild = true)
    {
        var index = annotations.FindIndex(a => a.Id == annotation.Id);
        bool changed;
        if (kind == AnnotationEventKind.Deleted)
        {
            // A thread goes with its replies.
            changed = annotations.RemoveAll(a => a.Id == annotation.Id || a.ThreadId == annotation.Id) > 0;
        }
        else if (index >= 0)
        {
            var held = annotations[index];
            changed = annotation.Version >= held.Version && !SameAs(held, annotation);
            if (changed)
            {
                annotations.RemoveAt(index);
                annotations.Add(annotation);
            }
        }
        else
        {
            annotations.Add(annotation);
            changed = true;
        }
        if (changed && rebuild) Rebuild();
        return changed;
    }

    /// <summary>Recomputes where threads sit and the thread lists.</summary>
    public void Rebuild()
    {
        Placed = HighlightLayout.Place(Text, annotations.Where(a => !a.IsReply));
        var replies = annotations.Where(a => a.IsReply).ToLookup(a => a.ThreadRootId);
        var all = Placed
            .Select(p => new ThreadModel(p.Thread, p.Span, ParagraphAt(p.Span), replies[p.Thread.Id].OrderBy(r => r.Created).ToList()))
            .OrderBy(t => t.Span?.Start ?? int.MaxValue).ThenBy(t => t.Root.Created)
            .ToList();
        Threads = all.Where(t => t.Span is not null).ToList();
        Orphans = all.Where(t => t.Span is null).ToList();
    }

    private int? ParagraphAt(TextSpan? span) => span is { } s ? TextBlocks.ParagraphAt(Blocks, s.Start) : null;

    /// <summary>
    /// The same annotation as far as a reader can tell. Marks (resolved, exemplary) change an annotation without
    /// a new version, so its fields are compared; its tags are a list, compared item by item.
    /// </summary>
    private static bool SameAs(AnnotationView held, AnnotationView incoming) =>
        ReferenceEquals(held, incoming)
        || (held.Tags.SequenceEqual(incoming.Tags) && held == incoming with { Tags = held.Tags });
}

/// <summary>What a reading page does after <see cref="Discussion.Receive"/>.</summary>
internal enum FeedReaction
{
    /// <summary>Nothing changed for this reader.</summary>
    None,
    /// <summary>The discussion changed: draw it (a burst of these is drawn together).</summary>
    DrawSoon,
    /// <summary>Something small changed (progress): draw now.</summary>
    Draw,
    /// <summary>The text has a new revision: load it and its threads.</summary>
    ReloadText,
    /// <summary>What the reader may see changed: ask their access again and load what they see.</summary>
    ReloadAccess,
    /// <summary>Events were dropped while the page lagged: load everything again.</summary>
    Reload,
}
