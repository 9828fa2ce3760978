namespace Annotate.Web.Realtime;

/// <summary>Something that happened to a document that its open pages and hub readers may need to know.</summary>
public abstract record FeedEvent(int DocumentId);

/// <summary>The document has a new current revision: its text changed and its threads were placed again.</summary>
public sealed record DocumentRevisedEvent(int DocumentId, int Revision) : FeedEvent(DocumentId);

/// <summary>How far re-anchoring the threads of a new revision has come (for the teacher who made it).</summary>
public sealed record AnchoringProgressEvent(int DocumentId, int Revision, int Done, int Total, int Orphaned, int Edited) : FeedEvent(DocumentId)
{
    public bool Finished => Done >= Total;
}

/// <summary>
/// Someone's place in the document's seminar changed (removed, moved to another group, made teacher):
/// what every reader may see has to be asked again, at once.
/// </summary>
public sealed record MembershipChangedEvent(int DocumentId, int SeminarId, string UserId) : FeedEvent(DocumentId);
