using Annotate.Data;
using Annotate.Web.Features.Documents;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Seminars;

/// <summary>
/// A teacher deletes a seminar, with its documents, annotations, groups and memberships; account deletion
/// deletes the seminars only the departing account belonged to. Either way every open page and hub
/// connection of its documents is told at once, and finds the document gone.
/// </summary>
internal sealed class SeminarDeletion(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, IAnnotationFeed feed)
{
    public sealed record DeletedDocument(int DocumentId, int SeminarId);

    public async Task<ServiceResult> DeleteAsync(string userId, int seminarId)
    {
        var viewer = await access.ForSeminarAsync(userId, seminarId);
        if (viewer is null) return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        if (!viewer.IsTeacher) return ServiceProblem.Forbidden(Words.Text("Problem.TeachersOnlyDelete"));

        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        var deleted = await DeleteAsync(db, [seminarId]);
        await transaction.CommitAsync();
        await AnnounceAsync(deleted);
        return ServiceResult.Done;
    }

    /// <summary>
    /// Deletes the seminars inside the caller's transaction; the database cascades to documents (their
    /// revisions, annotations, anchors, read marks), groups, memberships and removals. Answers the
    /// documents that went, for <see cref="AnnounceAsync"/> once the transaction has committed.
    /// </summary>
    internal static async Task<List<DeletedDocument>> DeleteAsync(AnnotateDb db, IReadOnlyCollection<int> seminarIds)
    {
        if (seminarIds.Count == 0) return [];
        var documents = await db.Documents.Where(d => seminarIds.Contains(d.SeminarId))
            .Select(d => new DeletedDocument(d.Id, d.SeminarId)).ToListAsync();
        await db.Seminars.Where(s => seminarIds.Contains(s.Id)).ExecuteDeleteAsync();
        return documents;
    }

    /// <summary>Every reader of those documents asks again: the page shows "not found", the hub connection is dropped.</summary>
    internal async Task AnnounceAsync(IEnumerable<DeletedDocument> documents)
    {
        foreach (var document in documents)
            await feed.PublishAsync(new AccessChangedEvent(document.DocumentId, document.SeminarId, UserId: null));
    }
}
