using Annotate.Shared;
using Annotate.Shared.Anchoring;
using Annotate.Web.Features.Discussion;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// An annotation as readers see it, placed on the document's current revision, with what the visibility rule needs (<see cref="Access"/>: the
/// thread's author, visibility and the author's group). Pages, events, the hub and the API all carry this.
/// </summary>
public sealed record AnnotationView(
    Guid Id,
    int DocumentId,
    Guid? ParentId,
    Guid? ThreadId,
    string? AuthorId,
    string AuthorName,
    string Motivation,
    Visibility Visibility,
    string Body,
    IReadOnlyList<string> Tags,
    TextQuoteSelector? Quote,
    TextPositionSelector? Position,
    int DocumentRevision,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    int Version,
    VisibilityFacts Access)
{
    /// <summary>
    /// A thread whose passage could not be found on the current text (its selectors are the original ones):
    /// edited out of the text, or imported from another text that has words this one lacks.
    /// </summary>
    public bool Orphan { get; init; }

    /// <summary>An orphan that was never on a passage of this document: imported from another text (its quote has no position here).</summary>
    public bool NeverPlaced => Orphan && Position is null;

    /// <summary>The words the thread was written on, when the passage has been edited since; null when unchanged.</summary>
    public string? OriginalExact { get; init; }

    /// <summary>When a teacher resolved the thread (thread roots only); null while it is open.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>A teacher marked this annotation as a model for the seminar.</summary>
    public bool Exemplary { get; init; }

    /// <summary>When the asker or a teacher marked this question answered; null while it is open.</summary>
    public DateTimeOffset? AnsweredAt { get; init; }

    public bool Answered => AnsweredAt is not null;

    /// <summary>The reply named as the answer, with what the rule needs to decide who may see it; null when none was named.</summary>
    public AnswerMark? Answer { get; init; }

    /// <summary>
    /// <see cref="Answer"/> when the viewer given to <see cref="For"/> may see that reply; null otherwise (and before
    /// <see cref="For"/>), so that an answer's id never tells anyone of a reply hidden from them.
    /// </summary>
    public Guid? VisibleAnswerId { get; init; }

    /// <summary>Every reaction by a member of the seminar, oldest first.</summary>
    public IReadOnlyList<Reactor> Reactions { get; init; } = [];

    /// <summary>The kinds of reaction the viewer given to <see cref="For"/> gave; empty before.</summary>
    public IReadOnlyList<string> MyReactions { get; init; } = [];

    public int CountOf(string kind) => Reactions.Count(r => r.Kind == kind);

    /// <summary>The annotation as one viewer is shown it: their own reactions, and the answer only if they may see it.</summary>
    public AnnotationView For(Viewer viewer) => this with
    {
        MyReactions = ReactionKinds.All.Where(kind => Reactions.Any(r => r.Kind == kind && r.UserId == viewer.UserId)).ToList(),
        VisibleAnswerId = Answer is { } answer && VisibilityRule.CanSee(viewer, answer.Access) ? answer.ReplyId : null,
    };

    /// <summary>What <see cref="For"/> makes differ between viewers: readers with the same key get the same JSON.</summary>
    public string ViewerKey => $"{string.Join(',', MyReactions)}|{VisibleAnswerId}";

    /// <summary>For an imported annotation, who wrote it in the source; the importer is its author here.</summary>
    public string? AttributedTo { get; init; }

    /// <summary>The one student this feedback (or a reply under it) is for; null for everything else.</summary>
    public string? AddresseeId => Access.AddresseeId;

    /// <summary>The author's role in the seminar now; null when they are no longer a member (or deleted their account).</summary>
    public SeminarRole? AuthorRole { get; init; }

    /// <summary>The display name of <see cref="AddresseeId"/>.</summary>
    public string? AddresseeName { get; init; }

    /// <summary>
    /// Only on the answer to the writer of a create or an edit (never stored, never sent to others): the people
    /// their mentions did not reach, and why.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Notifications.MentionWarning> MentionWarnings { get; init; } = [];

    public bool IsFeedback => Motivation == Annotate.Shared.W3c.Motivations.Assessing;

    public bool IsReply => ParentId is not null;

    /// <summary>Its author deleted their account; it stays (without its body) because others replied in its thread.</summary>
    public bool ByDeletedAccount => AuthorId is null;

    /// <summary>The id of the thread this belongs to: its own id for a thread's first annotation.</summary>
    public Guid ThreadRootId => ThreadId ?? Id;

    public string ETag => $"\"{Version}\"";

    public bool CanBeSeenBy(Viewer viewer) => VisibilityRule.CanSee(viewer, Access);
}
