using Annotate.Shared;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// An annotation or reply that reached an open reading page live from someone else, as the page's live region
/// speaks of it (issue 15, "Announced, not just shown"): who wrote what, and on which paragraph.
/// </summary>
internal sealed record Arrival(string Author, string Motivation, bool IsReply, int? Paragraph)
{
    /// <summary>
    /// What a feed event the page has just applied brought this reader from others: only annotations the event
    /// showed them (the visibility rule decided, as for the page) and the page now holds. Their own posts (from this
    /// page or another tab) are not news to them.
    /// </summary>
    public static IEnumerable<Arrival> Of(FeedEvent feedEvent, Viewer viewer, Discussion discussion) => feedEvent switch
    {
        AnnotationEvent one when one.KindFor(viewer) == AnnotationEventKind.Created && one.Annotation.AuthorId != viewer.UserId
            && discussion.Contains(one.Annotation.Id) => [Of(one.Annotation, discussion)],
        // An import is thousands perhaps: counted, not looked up one by one (its own rule check is VisibleTo).
        AnnotationsImportedEvent imported => imported.VisibleTo(viewer).Where(a => a.AuthorId != viewer.UserId)
            .Select(a => new Arrival(a.AttributedTo ?? a.AuthorName, a.Motivation, a.IsReply, null)),
        _ => [],
    };

    private static Arrival Of(AnnotationView annotation, Discussion discussion)
    {
        var thread = discussion.IndexOf(annotation.IsReply ? annotation.ThreadRootId : annotation.Id);
        return new Arrival(annotation.AttributedTo ?? annotation.AuthorName, annotation.Motivation, annotation.IsReply,
            thread >= 0 ? discussion.Threads[thread].ParagraphNumber : null);
    }

    /// <summary>What an arrival is, as the live region names it.</summary>
    public enum Kinds { Comment, Reply, Question, Highlight, Feedback }

    /// <summary>What it is: a reply, comment, question, highlight or feedback (feedback in a thread is feedback, not a reply).</summary>
    public Kinds Kind => Motivation switch
    {
        _ when IsReply && Motivation != Motivations.Assessing => Kinds.Reply,
        Motivations.Assessing => Kinds.Feedback,
        Motivations.Questioning => Kinds.Question,
        Motivations.Highlighting => Kinds.Highlight,
        _ => Kinds.Comment,
    };
}
