using System.Runtime.CompilerServices;
using Annotate.Shared.Text;
using Annotate.Web.Components.Threads;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// What the open reading pages of a document have alike, held once for all of them (issue 12: an open page should
/// cost at most twice a bare one): the text and its blocks, each annotation as loaded (its body, quote, names),
/// each thread as the page places it (its first annotation, passage and replies), and each block's markup. A page loads its own copies and trades them in here for the instance already held,
/// when one is. Only equal values are traded, so a page holds nothing it did not load itself: the threads a reader
/// may see are still chosen per page, and a page never reaches one it may not see through what it shares.
/// </summary>
internal static class SharedReading
{
    /// <summary>By id; a newer version held stays held when a page loads an older one (it is about to hear of the change).</summary>
    private static readonly WeakShare<Guid, AnnotationView> Annotations = new(SameAs, (held, offered) => held.Version > offered.Version, WithSharedNames);
    /// <summary>By the thread's id; a thread whose first annotation is newer stays held, as annotations do.</summary>
    private static readonly WeakShare<Guid, ThreadModel> Threads = new(SameThread, (held, offered) => held.Root.Version > offered.Root.Version);
    private static readonly WeakShare<(int Length, int Hash), string> Strings = new(string.Equals);
    private static readonly ConditionalWeakTable<string, IReadOnlyList<TextBlock>> BlocksOfText = [];
    private static readonly ConditionalWeakTable<string, IReadOnlyList<string>> PlainBlocksOfText = [];

    /// <summary>The held instance of an annotation equal to <paramref name="annotation"/> (the same version, marks and all), or this one.</summary>
    public static AnnotationView Annotation(AnnotationView annotation) => Annotations.Share(annotation.Id, annotation);

    /// <summary>
    /// The held instance of a thread equal to <paramref name="thread"/>: the same annotations (share them first, see
    /// <see cref="Annotation"/>) in the same place; or this one. Pages whose readers see different replies of a
    /// thread (feedback is for one student) hold different models of it.
    /// </summary>
    public static ThreadModel Thread(ThreadModel thread) => Threads.Share(thread.Id, thread);

    /// <summary>The held instance of a text or a block's markup equal to <paramref name="text"/>, or this one.</summary>
    public static string Text(string text) => Strings.Share((text.Length, text.GetHashCode(StringComparison.Ordinal)), text);

    /// <summary>The blocks of a text, parsed once per instance of it (share the text first, see <see cref="Text"/>).</summary>
    public static IReadOnlyList<TextBlock> Blocks(string text) => BlocksOfText.GetValue(text, TextBlocks.Parse);

    /// <summary>Each block of a text as markup without highlights (see <see cref="MarkedText"/>), made once per instance of it.</summary>
    public static IReadOnlyList<string> PlainBlocks(string text) => PlainBlocksOfText.GetValue(text, static text =>
        Blocks(text).Select(block => Text(MarkedText.Html(text, block, HighlightLayout.SegmentsOver(block, []), EmptySet))).ToArray());

    private static readonly IReadOnlySet<Guid> EmptySet = new HashSet<Guid>();

    /// <summary>
    /// The same annotation as far as a reader can tell. Marks (resolved, exemplary, answered) and reactions change an
    /// annotation without a new version, so its fields are compared. Its lists (tags, reactions, the viewer's own
    /// reactions, mention warnings) are compared item by item: a query makes new lists for every row, and a record
    /// compares lists by reference, so two loads of one annotation were never the same and no page shared any
    /// (issue 12: 2.9 MB a page at 2,000 threads). <c>SharedReadingTests</c> checks that every list is compared here.
    /// </summary>
    public static bool SameAs(AnnotationView held, AnnotationView incoming) =>
        ReferenceEquals(held, incoming)
        || (held.Tags.SequenceEqual(incoming.Tags)
            && held.Reactions.SequenceEqual(incoming.Reactions)
            && held.MyReactions.SequenceEqual(incoming.MyReactions)
            && held.MentionWarnings.SequenceEqual(incoming.MentionWarnings)
            && held == incoming with
            {
                Tags = held.Tags,
                Reactions = held.Reactions,
                MyReactions = held.MyReactions,
                MentionWarnings = held.MentionWarnings,
            });

    /// <summary>
    /// The annotation with one copy of each name, id and motivation: a query makes a string of each for every row,
    /// and a seminar's thousands of annotations have a few dozen authors (2,000 threads by one teacher held the
    /// teacher's id, twice, name and motivation 2,000 times over: 0.7 MB).
    /// </summary>
    private static AnnotationView WithSharedNames(AnnotationView annotation) => annotation with
    {
        AuthorId = Name(annotation.AuthorId),
        AuthorName = Text(annotation.AuthorName),
        Motivation = Text(annotation.Motivation),
        AttributedTo = Name(annotation.AttributedTo),
        AddresseeName = Name(annotation.AddresseeName),
        Access = annotation.Access with { AuthorId = Name(annotation.Access.AuthorId), AddresseeId = Name(annotation.Access.AddresseeId) },
        // A reader's own reactions are mostly none: one empty list for all rather than one a row.
        MyReactions = annotation.MyReactions.Count == 0 ? [] : [.. annotation.MyReactions.Select(Text)],
        Reactions = annotation.Reactions.Count == 0 ? [] : [.. annotation.Reactions.Select(r => new Reactor(Text(r.Kind), Text(r.UserId), Text(r.Name)))],
    };

    private static string? Name(string? name) => name is null ? null : Text(name);

    private static bool SameThread(ThreadModel held, ThreadModel offered)
    {
        if (!ReferenceEquals(held.Root, offered.Root) || held.Span != offered.Span || held.ParagraphNumber != offered.ParagraphNumber
            || held.Replies.Count != offered.Replies.Count) return false;
        for (var i = 0; i < held.Replies.Count; i++)
            if (!ReferenceEquals(held.Replies[i], offered.Replies[i])) return false;
        return true;
    }
}
