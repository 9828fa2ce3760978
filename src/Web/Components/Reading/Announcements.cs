namespace Annotate.Web.Components.Reading;

/// <summary>
/// What the reading page's live region says of arrivals (see <see cref="Arrival"/>), throttled: the first arrival
/// opens a batch, and everything that arrives within <see cref="Window"/> of it is said in one sentence when the
/// window closes ("5 new comments"), so a burst is one message, not a screen reader talking over itself, and the
/// region speaks at most once a window. A lone arrival is said in full: "New comment by Ana on paragraph 3".
/// Plain state; <c>LiveAnnouncements</c> waits out the window and shows the sentence.
/// </summary>
internal sealed class Announcements
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

    private static string Describe(Arrival arrival) =>
        $"New {arrival.Noun} by {arrival.Author}" + (arrival.Paragraph is { } n ? $" on paragraph {n}" : "");

    /// <summary>"5 new comments", "3 new comments and 2 new replies": threads and replies counted apart.</summary>
    private string Summary() => (threads, replies) switch
    {
        (_, 0) => Counted(threads, "comment", "comments"),
        (0, _) => Counted(replies, "reply", "replies"),
        _ => $"{Counted(threads, "comment", "comments")} and {Counted(replies, "reply", "replies")}",
    };

    private static string Counted(int count, string one, string many) => count == 1 ? $"1 new {one}" : $"{count} new {many}";
}
