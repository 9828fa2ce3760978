using Annotate.Data;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

// A question marked answered, and which reply answered it.
internal sealed partial class AnnotationService
{
    public const string NoSuchAnswer = "There is no reply with that id in this question's thread that you can see.";

    /// <summary>
    /// The asker or a teacher marks a question answered, naming the reply that answered it when they like (a reply
    /// in its thread that they can see), or opens it again. A mark, not an edit: the asker's ETag stays valid.
    /// </summary>
    public async Task<ServiceResult<AnnotationView>> SetAnsweredAsync(string userId, Guid id, bool answered, Guid? answerId = null)
    {
        if (answered && answerId is { } reply)
        {
            // The question and the caller's right to mark it come first: a hidden question is not found, whatever the body says.
            if (await GetVisibleAsync(userId, id) is not { } found) return ServiceProblem.NotFound(NoSuchAnnotation);
            if (AnnotationPermissions.Check(found.Reader.Viewer, found.Annotation, AnnotationAction.MarkAnswered) is { } refused) return refused;
            if (!await IsVisibleReplyInAsync(userId, id, reply)) return ServiceProblem.Invalid(NoSuchAnswer);
        }
        // The asker hears that a reply answered their question (when someone else marked it, and they may see that reply).
        return await MarkAsync(userId, id, AnnotationAction.MarkAnswered, annotation =>
        {
            annotation.AnsweredAt = answered ? annotation.AnsweredAt ?? clock.GetUtcNow() : null;
            annotation.AnswerId = answered ? answerId : null;
        }, answered && answerId is { } answer ? notifications.AnswerMarked(userId, answer) : null);
    }

    /// <summary>
    /// Before <paramref name="reply"/> is deleted: its question as it is now when the reply is the answer named on it,
    /// for the event that tells every reader the question is open again (<see cref="ReopenAsync"/>); null otherwise.
    /// </summary>
    private static async Task<AnnotationView?> AnsweredByAsync(AnnotateDb db, AnnotationView reply) =>
        await db.Annotations.AnyAsync(a => a.Id == reply.ThreadRootId && a.AnswerId == reply.Id)
            ? await AnnotationViews.LoadOneAsync(db, reply.ThreadRootId)
            : null;

    /// <summary>
    /// The answer named on a question was deleted: the mark goes with it and the question is open again. "Answered" by
    /// words nobody can read any more is no answer, and the question belongs back among the open ones (the Confusion view,
    /// is:unanswered, the heat) until someone marks it again.
    /// </summary>
    private static Task ReopenAsync(AnnotateDb db, Guid questionId, Guid answerId) =>
        db.Annotations.Where(a => a.Id == questionId && a.AnswerId == answerId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.AnsweredAt, (DateTimeOffset?)null).SetProperty(a => a.AnswerId, (Guid?)null));

    private async Task<bool> IsVisibleReplyInAsync(string userId, Guid threadId, Guid replyId)
    {
        await using (var db = await dbFactory.CreateDbContextAsync())
            if (!await db.Annotations.AnyAsync(a => a.Id == replyId && a.ThreadId == threadId)) return false;
        return await GetVisibleAsync(userId, replyId) is not null;
    }
}
