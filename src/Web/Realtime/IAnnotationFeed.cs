namespace Annotate.Web.Realtime;

/// <summary>
/// The app's one stream of document and annotation events. Reading pages and the hub relay subscribe; writers publish
/// after their save commits. In memory for one machine; a Redis-backed feed can replace it for several
/// without the subscribers knowing. Subscribers apply the visibility rule themselves, per reader.
/// Publishing never waits for a subscriber: each has a bounded queue of its own and takes its events in
/// order at its own pace; one that falls behind gets a <see cref="FellBehindEvent"/> in place of what it missed.
/// </summary>
public interface IAnnotationFeed
{
    /// <summary>Hands the event to every subscriber's queue; returns without waiting for any of them to handle it.</summary>
    Task PublishAsync(FeedEvent feedEvent);

    /// <summary>Events of one document until the returned subscription is disposed.</summary>
    IDisposable Subscribe(int documentId, Func<FeedEvent, Task> handler);

    /// <summary>Events of every document (the hub relay, the feedback badge).</summary>
    /// <param name="queueLimit">How many events may wait for this subscriber; null: the configured default.</param>
    IDisposable SubscribeAll(Func<FeedEvent, Task> handler, int? queueLimit = null);
}
