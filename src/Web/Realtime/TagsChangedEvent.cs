namespace Annotate.Web.Realtime;

/// <summary>
/// The seminar's tag vocabulary or its lock changed: open pages of its documents read the vocabulary again (for the
/// editor's suggestions and the highlight colours). Published once for each document of the seminar.
/// </summary>
public sealed record TagsChangedEvent(int DocumentId, int SeminarId) : FeedEvent(DocumentId);
