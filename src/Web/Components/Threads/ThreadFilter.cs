using Annotate.Shared.Search;
using Annotate.Shared.W3c;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Discussion;

namespace Annotate.Web.Components.Threads;

/// <summary>
/// Which threads the sidebar shows and in what order: by tag, author, group (the thread author's), kind, open
/// questions, resolved or not, one's own. A plain value the page keeps and the filter bar changes, tested without a renderer.
/// It narrows what the reader sees already (the page's threads), never more.
/// </summary>
public sealed record ThreadFilter
{
    public string? Tag { get; init; }
    public string? AuthorId { get; init; }
    public int? GroupId { get; init; }
    /// <summary>The first annotation's motivation (commenting, questioning, highlighting, assessing).</summary>
    public string? Motivation { get; init; }
    public bool UnansweredOnly { get; init; }
    /// <summary>True: resolved threads only; false: open ones only; null: both.</summary>
    public bool? Resolved { get; init; }
    public bool MineOnly { get; init; }
    public ThreadSort Sort { get; init; }

    public static ThreadFilter None { get; } = new();

    /// <summary>Whether any filter (not the order) is set.</summary>
    public bool Narrows => this with { Sort = ThreadSort.Position } != None;

    public IReadOnlyList<ThreadModel> Apply(IReadOnlyList<ThreadModel> threads, string? viewerId)
    {
        if (this == None) return threads;
        var tagKey = Tag is null ? null : SearchTags.Key(Tag);
        var kept = threads.Where(t =>
            (tagKey is null || t.Root.Tags.Any(x => SearchTags.Key(x) == tagKey))
            && (AuthorId is null || t.Root.AuthorId == AuthorId)
            && (GroupId is null || t.Root.Access.AuthorGroupId == GroupId)
            && (Motivation is null || t.Root.Motivation == Motivation)
            && (!UnansweredOnly || IsOpenQuestion(t))
            && (Resolved is null || (t.Root.ResolvedAt is not null) == Resolved)
            && (!MineOnly || (viewerId is not null && (t.Root.AuthorId == viewerId || t.Replies.Any(r => r.AuthorId == viewerId)))));
        return (Sort switch
        {
            ThreadSort.Newest => kept.OrderByDescending(t => t.Replies.Count > 0 ? Max(t.Root.Created, t.Replies[^1].Created) : t.Root.Created),
            ThreadSort.MostDiscussed => kept.OrderByDescending(t => t.Replies.Count),
            ThreadSort.MostUpvoted => kept.OrderByDescending(t => t.Root.CountOf(ReactionKinds.Upvote)),
            ThreadSort.UnansweredFirst => kept.OrderByDescending(IsOpenQuestion).ThenByDescending(t => IsOpenQuestion(t) ? t.Root.CountOf(ReactionKinds.SameQuestion) : 0),
            _ => kept,
        }).ToList();
    }

    public static bool IsOpenQuestion(ThreadModel thread) => AnnotationPermissions.IsOpenQuestion(thread.Root);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The kinds of thread the filter offers, in the bar's order (the bar names them in the reader's language).</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [Motivations.Commenting, Motivations.Questioning, Motivations.Highlighting, Motivations.Assessing];
}
