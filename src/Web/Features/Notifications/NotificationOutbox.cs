using System.Threading.Channels;
using Annotate.Data.Entities;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// What writers hand over for <see cref="NotificationWorker"/> to turn into notifications: a
/// <see cref="NotificationRequest"/> row, added to the writer's own context so that it commits in the same
/// SaveChanges as the change that causes it (both or neither). After the commit, <see cref="Wake"/> tells this
/// instance's worker at once; the others find it when they next look. A restart loses nothing: what was not done
/// is still in the table.
/// </summary>
internal sealed class NotificationOutbox(TimeProvider clock)
{
    // One waiting signal is enough: the worker takes everything waiting each time it wakes.
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>A new annotation (a reply, feedback, a thread), or an edit that may mention people anew.</summary>
    public NotificationRequest AnnotationPosted(string actorId, Guid annotationId, bool isNew) =>
        New(NotificationRequestKind.Annotation, actorId, request => { request.AnnotationId = annotationId; request.IsNew = isNew; });

    /// <summary>A document added: give the <see cref="Document"/> being inserted, whose id the same SaveChanges assigns.</summary>
    public NotificationRequest DocumentAdded(string actorId, Document document) =>
        New(NotificationRequestKind.Document, actorId, request => request.Document = document);

    public NotificationRequest Announced(string actorId, int seminarId, string text) =>
        New(NotificationRequestKind.Announcement, actorId, request => { request.SeminarId = seminarId; request.Text = text; });

    /// <summary>A reply (<paramref name="replyId"/>) marked as the answer to its thread's question.</summary>
    public NotificationRequest AnswerMarked(string actorId, Guid replyId) =>
        New(NotificationRequestKind.Answer, actorId, request => request.AnnotationId = replyId);

    /// <summary>A notification to mail at once, written with the notification itself.</summary>
    public NotificationRequest MailOf(Notification notification) =>
        New(NotificationRequestKind.Mail, null, request => request.NotificationId = notification.Id);

    /// <summary>Call after the commit: this instance's worker looks at once rather than at its next round.</summary>
    public void Wake() => signal.Writer.TryWrite(true);

    /// <summary>Waits for <see cref="Wake"/>, or at most <paramref name="timeout"/>.</summary>
    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await signal.Reader.WaitToReadAsync(limit.Token);
            signal.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Time for a round anyway: rows of other instances, and of those that stopped mid-way.
        }
    }

    private NotificationRequest New(NotificationRequestKind kind, string? actorId, Action<NotificationRequest> fill)
    {
        var now = clock.GetUtcNow();
        var request = new NotificationRequest { Id = Guid.CreateVersion7(now), Kind = kind, ActorId = actorId, Created = now };
        fill(request);
        return request;
    }
}
