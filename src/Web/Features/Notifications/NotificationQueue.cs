using System.Threading.Channels;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// What writers hand over after their change committed, for <see cref="NotificationWorker"/> to turn into
/// notifications in the background: offering never waits, so working out who to tell (and telling them) never
/// slows the writer. Bounded; when full, the request is dropped and logged (the change itself is stored).
/// On the writer's own instance only, so that several instances do not each notify the same people.
/// </summary>
internal sealed class NotificationQueue(ILogger<NotificationQueue> logger)
{
    /// <summary>Requests waiting; a writer that finds the queue full is not held up.</summary>
    public const int Capacity = 10_000;

    /// <summary>Something that happened that may concern others.</summary>
    public abstract record Request(string ActorId);

    /// <summary>A new annotation (a reply, feedback, a thread), or an edit that named <paramref name="Mentioned"/> anew.</summary>
    public sealed record AnnotationPosted(string ActorId, Guid AnnotationId, IReadOnlyList<string> Mentioned, bool IsNew) : Request(ActorId);

    public sealed record DocumentAdded(string ActorId, int DocumentId) : Request(ActorId);

    public sealed record Announced(string ActorId, int SeminarId, string Text) : Request(ActorId);

    /// <summary>A reply (<paramref name="ReplyId"/>) was marked as the answer to its thread's question.</summary>
    public sealed record AnswerMarked(string ActorId, Guid ReplyId) : Request(ActorId);

    private readonly Channel<Request> channel = Channel.CreateBounded<Request>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private int pending;

    internal ChannelReader<Request> Reader => channel.Reader;

    /// <summary>Requests offered and not yet handled to the end (waiting, or being handled now).</summary>
    public int Pending => Volatile.Read(ref pending);

    public void Offer(Request request)
    {
        Interlocked.Increment(ref pending);
        if (channel.Writer.TryWrite(request)) return;
        Interlocked.Decrement(ref pending);
        logger.LogError("The notification queue is full ({Capacity} waiting): {Request} notifies nobody.", Capacity, request);
    }

    /// <summary>The worker finished one request (made its notifications, or failed to).</summary>
    internal void Handled() => Interlocked.Decrement(ref pending);

    /// <summary>
    /// For the "mark as answer" endpoint: call after the mark committed. The question's asker hears of it, if
    /// they can see the reply and did not mark it themselves.
    /// </summary>
    public void AnswerMarkedBy(string userId, Guid replyId) => Offer(new AnswerMarked(userId, replyId));
}
