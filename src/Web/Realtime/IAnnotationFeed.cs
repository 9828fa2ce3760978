namespace Annotate.Web.Realtime;

/// <summary>
/// The app's one stream of document and annotation events. Reading pages and the hub relay subscribe; writers publish
/// after their save commits. In memory for one machine; a Redis-backed feed can replace it for several
/// without the subscribers knowing. Subscribers apply the visibility rule themselves, per reader.
/// </summary>
public interface IAnnotationFeed
{
    Task PublishAsync(FeedEvent feedEvent);

    /// <summary>Events of one document until the returned subscription is disposed.</summary>
    IDisposable Subscribe(int documentId, Func<FeedEvent, Task> handler);

    /// <summary>Events of every document (the hub relay).</summary>
    IDisposable SubscribeAll(Func<FeedEvent, Task> handler);
}
