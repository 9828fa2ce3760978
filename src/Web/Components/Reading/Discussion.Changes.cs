using Annotate.Shared.Text;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;

namespace Annotate.Web.Components.Reading;

/// <summary>Taking in one change: a thread or reply created, edited, marked or deleted.</summary>
public sealed partial class Discussion
{
    private bool Take(AnnotationEventKind kind, AnnotationView annotation) =>
        annotation.IsReply ? TakeReply(kind, annotation) : TakeRoot(kind, annotation);

    private bool TakeRoot(AnnotationEventKind kind, AnnotationView root)
    {
        var model = ThreadOf(root.Id);
        var held = model?.Root ?? loose.Find(a => a.Id == root.Id);
        if (held is null ? kind == AnnotationEventKind.Deleted : kind != AnnotationEventKind.Deleted && IsNoNews(held, root)) return false;

        // The thread's replies stay with it when it changes, and go with it when it is deleted.
        IReadOnlyList<AnnotationView> replies;
        if (model is not null) replies = Remove(model);
        else
        {
            replies = [.. loose.Where(a => a.IsReply && a.ThreadRootId == root.Id).Order(ByTime)];
            loose.RemoveAll(a => a.Id == root.Id || (a.IsReply && a.ThreadRootId == root.Id));
        }
        if (kind == AnnotationEventKind.Deleted)
        {
            Count -= 1 + replies.Count;
            return true;
        }
        if (held is null) Count++;
        Place(SharedReading.Annotation(root), replies, inOrder: true);
        return true;
    }

    private bool TakeReply(AnnotationEventKind kind, AnnotationView reply)
    {
        var model = ThreadOf(reply.ThreadRootId);
        if (model is null) return TakeLoose(kind, reply);
        var at = IndexOfReply(model, reply.Id);
        var held = at < 0 ? null : model.Replies[at];
        if (held is null ? kind == AnnotationEventKind.Deleted : kind != AnnotationEventKind.Deleted && IsNoNews(held, reply)) return false;

        var replies = model.Replies.ToList();
        if (held is not null) replies.RemoveAt(at);
        if (kind == AnnotationEventKind.Deleted) Count--;
        else
        {
            if (held is null) Count++;
            var shared = SharedReading.Annotation(reply);
            var place = replies.BinarySearch(shared, ByTime);
            replies.Insert(place < 0 ? ~place : place, shared);
        }
        // Replies do not move a thread: a new model in the same place, and no block to draw.
        var list = model.Span is null ? orphans : threads;
        list[IndexIn(list, model.Id)] = SharedReading.Thread(model with { Replies = replies.ToArray() });
        return true;
    }

    /// <summary>A reply to a thread that is not here (no passage, or not yet arrived): held until it is.</summary>
    private bool TakeLoose(AnnotationEventKind kind, AnnotationView reply)
    {
        var at = loose.FindIndex(a => a.Id == reply.Id);
        var held = at < 0 ? null : loose[at];
        if (held is null ? kind == AnnotationEventKind.Deleted : kind != AnnotationEventKind.Deleted && IsNoNews(held, reply)) return false;
        if (held is not null) loose.RemoveAt(at);
        if (kind == AnnotationEventKind.Deleted) Count--;
        else
        {
            if (held is null) Count++;
            loose.Add(SharedReading.Annotation(reply));
        }
        return true;
    }

    /// <summary>A copy of what is held, or an older version of it.</summary>
    private static bool IsNoNews(AnnotationView held, AnnotationView incoming) =>
        incoming.Version < held.Version || SharedReading.SameAs(held, incoming);

    /// <summary>
    /// Puts a thread where it belongs: on the text (its blocks to draw again), among the orphans, or, for a root
    /// with no passage at all, with the loose annotations. <paramref name="inOrder"/>: in its place now (a live
    /// change), rather than sorted with the rest at the end of a load.
    /// </summary>
    private void Place(AnnotationView root, IReadOnlyList<AnnotationView> replies, bool inOrder)
    {
        if (root.Quote is null)
        {
            loose.Add(root);
            loose.AddRange(replies);
            return;
        }
        var span = HighlightLayout.Find(Text, root);
        var model = SharedReading.Thread(new ThreadModel(root, span, span is { } s ? TextBlocks.ParagraphAt(Blocks, s.Start) : null, replies));
        var list = span is null ? orphans : threads;
        if (!inOrder)
        {
            list.Add(model);
            return;
        }
        var at = list.BinarySearch(model, InDocumentOrder);
        list.Insert(at < 0 ? ~at : at, model);
        if (span is not { } placed) return;
        if (threads.Exists(t => t.Id != model.Id && !longKeys.Contains(t.Id) && MarkedText.ShortValue(t.Id) == MarkedText.ShortValue(model.Id)))
            longKeys.Add(model.Id);
        RedrawOver(placed);
    }

    /// <summary>Takes a thread off the page (its blocks to draw again); answers its replies.</summary>
    private IReadOnlyList<AnnotationView> Remove(ThreadModel model)
    {
        var list = model.Span is null ? orphans : threads;
        list.RemoveAt(IndexIn(list, model.Id));
        longKeys.Remove(model.Id);
        if (model.Span is { } span) RedrawOver(span);
        return model.Replies;
    }
}
