using System.Linq.Expressions;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Microsoft.EntityFrameworkCore;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Documents;

/// <summary>Who is reading which document: the seminar membership behind every visibility check.</summary>
internal sealed class ReaderAccess(IDbContextFactory<AnnotateDb> dbFactory)
{
    /// <param name="ReaderName">The reader's display name, as their annotations show it.</param>
    public sealed record DocumentAccess(int DocumentId, int SeminarId, Viewer Viewer, string ReaderName = "");

    /// <summary>What every path says for a document that is missing or that the caller may not read: the same, so nothing leaks.</summary>
    public static string NoSuchDocument => Words.Text("Problem.NoSuchDocument");

    /// <summary>The same for a seminar the caller does not belong to, or that does not exist.</summary>
    public static string NoSuchSeminar => Words.Text("Problem.NoSuchSeminar");

    /// <summary>
    /// Whether a post opens a "post first" document to its author: their own thread, with words in it,
    /// that someone else can read (a private note or a bare highlight would be a way round the point).
    /// </summary>
    public static bool OpensPostFirst(Guid? parentId, string motivation, Visibility visibility) =>
        parentId is null && motivation != Motivations.Highlighting && visibility != Visibility.Private;

    /// <summary><see cref="OpensPostFirst"/> as a filter the database runs (Lookup, ForSeminarDocumentsAsync): the same three tests.</summary>
    private static readonly Expression<Func<Annotation, bool>> OpensPostFirstRow = a =>
        a.ParentId == null && a.Motivation != Motivations.Highlighting && a.Visibility != Visibility.Private;

    private sealed record AccessRow(int SeminarId, SeminarRole Role, int? GroupId, string ReaderName, bool AwaitingOwnPost);

    /// <summary>
    /// Asked at least once by every request about a document: compiled once. No row when the document is missing or
    /// the user is not a member. Whether a student still has to post first is only asked on a "post first" document.
    /// </summary>
    private static readonly Func<AnnotateDb, int, string, CancellationToken, Task<AccessRow?>> Lookup = EF.CompileAsyncQuery(
        (AnnotateDb db, int documentId, string userId, CancellationToken cancellationToken) =>
            (from d in db.Documents
             where d.Id == documentId
             join m in db.Memberships on d.SeminarId equals m.SeminarId
             where m.UserId == userId
             select new AccessRow(d.SeminarId, m.Role, m.GroupId, m.User!.DisplayName,
                 d.PostFirst && m.Role == SeminarRole.Student
                     ? !db.Annotations.Where(a => a.DocumentId == d.Id && a.AuthorId == userId).Any(OpensPostFirstRow)
                     : false))
            .FirstOrDefault());

    /// <summary>The viewer for a document, or null when the document does not exist or the user is not a member.</summary>
    public async Task<DocumentAccess?> ForDocumentAsync(string? userId, int documentId, CancellationToken cancellationToken = default)
    {
        if (userId is null) return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await Lookup(db, documentId, userId, cancellationToken) is not { } row) return null;
        return new DocumentAccess(documentId, row.SeminarId, new Viewer(userId, row.Role, row.GroupId, row.AwaitingOwnPost), row.ReaderName);
    }


    /// <summary>
    /// A member's view of a whole seminar (search): their viewer, and the "post first" documents they still have to
    /// post on (students only), where they see nothing of others yet. <see cref="On"/> is the viewer for one document.
    /// </summary>
    public sealed record SeminarAccess(int SeminarId, Viewer Viewer, IReadOnlySet<int> AwaitingOwnPost)
    {
        public Viewer On(int documentId) => AwaitingOwnPost.Contains(documentId) ? Viewer with { AwaitingOwnPost = true } : Viewer;
    }

    /// <summary>The member's view of the seminar, or null when they are not a member (or it does not exist).</summary>
    public async Task<SeminarAccess?> ForSeminarDocumentsAsync(string userId, int seminarId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var membership = await db.Memberships.Where(m => m.SeminarId == seminarId && m.UserId == userId)
            .Select(m => new { m.Role, m.GroupId }).FirstOrDefaultAsync(cancellationToken);
        if (membership is null) return null;
        var viewer = new Viewer(userId, membership.Role, membership.GroupId);
        if (viewer.IsTeacher) return new SeminarAccess(seminarId, viewer, new HashSet<int>());
        // As in Lookup: a student still has to post on a "post first" document until a thread of theirs opens it.
        var awaiting = await db.Documents.Where(d => d.SeminarId == seminarId && d.PostFirst
                && !db.Annotations.Where(a => a.DocumentId == d.Id && a.AuthorId == userId).Any(OpensPostFirstRow))
            .Select(d => d.Id).ToListAsync(cancellationToken);
        return new SeminarAccess(seminarId, viewer, awaiting.ToHashSet());
    }

    public async Task<Viewer?> ForSeminarAsync(string userId, int seminarId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var membership = await db.Memberships.Where(m => m.SeminarId == seminarId && m.UserId == userId)
            .Select(m => new { m.Role, m.GroupId }).FirstOrDefaultAsync();
        return membership is null ? null : new Viewer(userId, membership.Role, membership.GroupId);
    }
}
