namespace Annotate.Web.Realtime;

/// <summary>Something that happened to a document that its open pages and hub readers may need to know.</summary>
public abstract record FeedEvent(int DocumentId);

/// <summary>The document has a new current revision: its text changed and its threads were placed again.</summary>
public sealed record DocumentRevisedEvent(int DocumentId, int Revision) : FeedEvent(DocumentId);

/// <summary>
/// Re-anchoring the threads of a new revision moved on: <see cref="Placed"/> are the threads placed since the
/// last event (with where they landed), <see cref="Finished"/> says every thread is stored. It carries ids,
/// not counts: counts of all threads would tell a reader how many they cannot see, so each page counts
/// only those of its reader (see Components/Documents/AnchoringTally). The hub does not relay it.
/// </summary>
public sealed record AnchoringProgressEvent(int DocumentId, int Revision, IReadOnlyList<PlacedThread> Placed, bool Finished) : FeedEvent(DocumentId);

/// <summary>A student read feedback on this document: their unread count (in every tab) goes down.</summary>
public sealed record FeedbackReadEvent(int DocumentId, string UserId) : FeedEvent(DocumentId);

/// <summary>
/// What someone may see of the document changed: removed, moved to another group, made teacher, posted
/// their first annotation on a post-first document — or, with a null <see cref="UserId"/>, everyone
/// (the document's settings changed). Each affected reader's access has to be asked again, at once.
/// <see cref="OthersAffected"/>: whether other readers' view changes too (a member's group decides who sees
/// their group annotations), or only this user's own (their post-first gate).
/// </summary>
public sealed record AccessChangedEvent(int DocumentId, int SeminarId, string? UserId, bool OthersAffected = true) : FeedEvent(DocumentId);

/// <summary>
/// Not published by anyone: handed to a subscriber that fell too far behind, in place of the events dropped
/// from its queue. It must reload what it shows (the events were published after their changes committed, so
/// a reload now covers them). <see cref="DocumentId"/> is the subscription's document, or
/// <see cref="AnyDocument"/> for a subscription to every document.
/// </summary>
public sealed record FellBehindEvent(int DocumentId) : FeedEvent(DocumentId)
{
    public const int AnyDocument = 0;
}
