using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// The views of annotations an import has just stored, made from the rows it wrote rather than read back:
/// reading 10,000 rows again, each with its thread's facts, cost more than storing them. What a view needs
/// from around its row (the names, the thread of a reply to an annotation that was already there and its
/// author's group, the current revision) is asked in a few small queries, and
/// <see cref="AnnotationViews.ToViewsAsync"/> decides the rest as for every other read: the visibility facts
/// and the placement come from the same code.
/// </summary>
internal static class ImportedViews
{
    public static async Task<List<AnnotationView>> OfAsync(AnnotateDb db, ReaderAccess.DocumentAccess importer, IReadOnlyList<Annotation> stored,
        CancellationToken cancellationToken)
    {
        var revision = await db.Documents.Where(d => d.Id == importer.DocumentId).Select(d => d.Revision).FirstAsync(cancellationToken);
        var byId = stored.ToDictionary(a => a.Id);
        var outsideThreadIds = stored.Where(a => a.ThreadId is { } thread && !byId.ContainsKey(thread)).Select(a => a.ThreadId!.Value).Distinct().ToList();
        // Threads that were on the document before and that imported replies joined, with their author's group now.
        var outside = await (
                from t in db.Annotations.Where(t => outsideThreadIds.Contains(t.Id))
                join m in db.Memberships.Where(m => m.SeminarId == importer.SeminarId) on t.AuthorId equals m.UserId into members
                from m in members.DefaultIfEmpty()
                select new { t.Id, t.AuthorId, t.Visibility, GroupId = t.AuthorId == null ? t.FormerAuthorGroupId : m.GroupId })
            .ToDictionaryAsync(t => t.Id, t => ((string?)t.AuthorId, t.Visibility, t.GroupId), cancellationToken);
        var addresseeIds = stored.Where(a => a.AddresseeId is not null).Select(a => a.AddresseeId!).Distinct().ToList();
        var addressees = await db.Users.Where(u => addresseeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var rows = new List<AnnotationRow>(stored.Count);
        foreach (var a in stored)
        {
            (string? AuthorId, Visibility Visibility, int? GroupId) thread;
            // What an import stores is the importer's: an imported thread's group is theirs.
            if (a.ThreadId is not { } threadId) thread = (a.AuthorId, a.Visibility, importer.Viewer.GroupId);
            else if (byId.TryGetValue(threadId, out var root)) thread = (root.AuthorId, root.Visibility, importer.Viewer.GroupId);
            // Deleted since the import committed, and its replies with it: nothing to announce.
            else if (!outside.TryGetValue(threadId, out thread)) continue;
            rows.Add(new AnnotationRow
            {
                Id = a.Id, DocumentId = a.DocumentId, ParentId = a.ParentId, ThreadId = a.ThreadId,
                AuthorId = a.AuthorId, AuthorName = importer.ReaderName, AuthorRole = importer.Viewer.Role,
                AddresseeId = a.AddresseeId, AddresseeName = a.AddresseeId is { } addressee ? addressees.GetValueOrDefault(addressee) : null,
                Motivation = a.Motivation, Visibility = a.Visibility, Body = a.Body, Tags = a.Tags,
                Exact = a.Exact, Prefix = a.Prefix, Suffix = a.Suffix, Start = a.Start, End = a.End,
                DocumentRevision = a.DocumentRevision, CurrentRevision = revision,
                Created = a.Created, Modified = a.Modified, Version = a.Version,
                ResolvedAt = a.ResolvedAt, Exemplary = a.Exemplary, AttributedTo = a.AttributedTo,
                ThreadAuthorId = thread.AuthorId, ThreadVisibility = thread.Visibility, ThreadGroupId = thread.GroupId,
            });
        }
        return await AnnotationViews.ToViewsAsync(db, rows, cancellationToken);
    }
}
