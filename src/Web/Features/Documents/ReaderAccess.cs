using Annotate.Data;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Documents;

/// <summary>Who is reading which document: the seminar membership behind every visibility check.</summary>
internal sealed class ReaderAccess(IDbContextFactory<AnnotateDb> dbFactory)
{
    public sealed record DocumentAccess(int DocumentId, int SeminarId, Viewer Viewer);

    /// <summary>What every path says for a document that is missing or that the caller may not read: the same, so nothing leaks.</summary>
    public const string NoSuchDocument = "There is no document with that id that you can read.";

    /// <summary>The viewer for a document, or null when the document does not exist or the user is not a member.</summary>
    public async Task<DocumentAccess?> ForDocumentAsync(string? userId, int documentId, CancellationToken cancellationToken = default)
    {
        if (userId is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Documents.Where(d => d.Id == documentId)
            .Select(d => new
            {
                d.SeminarId,
                d.PostFirst,
                Membership = db.Memberships.Where(m => m.SeminarId == d.SeminarId && m.UserId == userId)
                    .Select(m => new { m.Role, m.GroupId }).FirstOrDefault(),
                HasPosted = db.Annotations.Any(a => a.DocumentId == d.Id && a.AuthorId == userId && a.ParentId == null
                    && a.Motivation != Motivations.Highlighting && a.Visibility != Visibility.Private),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row?.Membership is null) return null;
        var awaitingOwnPost = row.PostFirst && row.Membership.Role == SeminarRole.Student && !row.HasPosted;
        return new DocumentAccess(documentId, row.SeminarId, new Viewer(userId, row.Membership.Role, row.Membership.GroupId, awaitingOwnPost));
    }

    /// <summary>
    /// Whether a post opens a "post first" document to its author: their own thread, with words in it,
    /// that someone else can read (a private note or a bare highlight would be a way round the point).
    /// </summary>
    public static bool OpensPostFirst(Guid? parentId, string motivation, Visibility visibility) =>
        parentId is null && motivation != Motivations.Highlighting && visibility != Visibility.Private;

    public async Task<Viewer?> ForSeminarAsync(string userId, int seminarId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var membership = await db.Memberships.Where(m => m.SeminarId == seminarId && m.UserId == userId)
            .Select(m => new { m.Role, m.GroupId }).FirstOrDefaultAsync();
        return membership is null ? null : new Viewer(userId, membership.Role, membership.GroupId);
    }
}
