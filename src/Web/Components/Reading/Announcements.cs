using Microsoft.Extensions.Localization;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// What the reading page's live region says of arrivals (see <see cref="Arrival"/>), throttled: the first arrival
/// opens a batch, and everything that arrives within <see cref="Window"/> of it is said in one sentence when the
/// window closes ("5 new comments"), so a burst is one message, not a screen reader talking over itself, and the
/// region speaks at most once a window. A lone arrival is said in full: "New comment by Ana on paragraph 3".
/// Each sentence is one resource with placeholders, per plural form (word order differs between languages).
/// Plain state; <c>LiveAnnouncements</c> waits out the window and shows the sentence.
/// </summary>
internal sealed class Announcements(IStringLocalizer L)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    private Arrival? first;
    private int threads;
    private int replies;

    /// <summary>Takes in an arrival; answers true when it opened a batch (then say <see cref="Flush"/> after <see cref="Window"/>).</summary>
    public bool Add(Arrival arrival)
    {
        var opened = first is null;
        first ??= arrival;
        if (arrival.IsReply) replies++;
        else threads++;
        return opened;
    }

    /// <summary>The sentence for the batch, which is then closed; null when nothing arrived.</summary>
    public string? Flush()
    {
        if (first is not { } lone) return null;
        var sentence = threads + replies == 1 ? Describe(lone) : Summary();
        first = null;
        threads = replies = 0;
        return sentence;
    }

    private string Describe(Arrival arrival) => (arrival.Kind, arrival.Paragraph) switch
    {
        (Arrival.Kinds.Reply, { } n) => L["Announce.ReplyOnParagraph", arrival.Author, n],
        (Arrival.Kinds.Reply, null) => L["Announce.Reply", arrival.Author],
        (Arrival.Kinds.Feedback, { } n) => L["Announce.FeedbackOnParagraph", arrival.Author, n],
        (Arrival.Kinds.Feedback, null) => L["Announce.Feedback", arrival.Author],
        (Arrival.Kinds.Question, { } n) => L["Announce.QuestionOnParagraph", arrival.Author, n],
        (Arrival.Kinds.Question, null) => L["Announce.Question", arrival.Author],
        (Arrival.Kinds.Highlight, { } n) => L["Announce.HighlightOnParagraph", arrival.Author, n],
        (Arrival.Kinds.Highlight, null) => L["Announce.Highlight", arrival.Author],
        (_, { } n) => L["Announce.CommentOnParagraph", arrival.Author, n],
        (_, null) => L["Announce.Comment", arrival.Author],
    };

    /// <summary>"5 new comments", "3 new comments and 2 new replies": threads and replies counted apart.</summary>
    private string Summary() => (threads, replies) switch
    {
        (1, 0) => L["Announce.OneComment"],
        (_, 0) => L["Announce.Comments", threads],
        (0, 1) => L["Announce.OneReply"],
        (0, _) => L["Announce.Replies", replies],
        (1, 1) => L["Announce.OneCommentOneReply"],
        (1, _) => L["Announce.OneCommentReplies", threads, replies],
        (_, 1) => L["Announce.CommentsOneReply", threads, replies],
        _ => L["Announce.CommentsReplies", threads, replies],
    };
}
