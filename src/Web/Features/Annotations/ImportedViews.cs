using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Annotations;

/// <summary>
/// The views of annotations an import has just stored, made from the rows it wrote rather than read back:
/// reading 10,000 rows again, each with its thread's facts, cost more than storing them. What a view needs
/// from around its row (the names, the thread of a reply to an annotation that was already there, the current
/// revision) is asked in a few small queries, and <see cref="AnnotationService.ViewsOfAsync"/> decides the
/// rest as for every other read: the visibility facts and the placement come from the same code.
/// </summary>
internal static class ImportedViews
{
    public static async Task<List<AnnotationView>> OfAsync(AnnotateDb db, ReaderAccess.DocumentAccess importer, IReadOnlyList<Annotation> stored,
        CancellationToken cancellationToken)
    {
        var revision = await db.Documents.Where(d => d.Id == importer.DocumentId).Select(d => d.Revision).FirstAsync(cancellationToken);
        var authorName = await db.Users.Where(u => u.Id == importer.Viewer.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "";
        var byId = stored.ToDictionary(a => a.Id);
        var outsideThreadIds = stored.Where(a => a.ThreadId is { } thread && !byId.ContainsKey(thread)).Select(a => a.ThreadId!.Value).Distinct().ToList();
        // Threads that were on the document before and that imported replies joined.
        var outside = await db.Annotations.Where(t => outsideThreadIds.Contains(t.Id))
            .Select(t => new { t.Id, t.AuthorId, t.Visibility, t.FormerAuthorGroupId })
            .ToDictionaryAsync(t => t.Id, t => (t.AuthorId, t.Visibility, t.FormerAuthorGroupId), cancellationToken);
        var addresseeIds = stored.Where(a => a.AddresseeId is not null).Select(a => a.AddresseeId!).Distinct().ToList();
        var addressees = await db.Users.Where(u => addresseeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var rows = new List<AnnotationService.ViewRow>(stored.Count);
        foreach (var a in stored)
        {
            (string? AuthorId, Visibility Visibility, int? FormerAuthorGroupId) thread;
            if (a.ThreadId is not { } threadId) thread = (a.AuthorId, a.Visibility, a.FormerAuthorGroupId);
            else if (byId.TryGetValue(threadId, out var root)) thread = (root.AuthorId, root.Visibility, root.FormerAuthorGroupId);
            // Deleted since the import committed, and its replies with it: nothing to announce.
            else if (!outside.TryGetValue(threadId, out thread)) continue;
            rows.Add(new AnnotationService.ViewRow
            {
                Annotation = a,
                AuthorName = authorName,
                AddresseeName = a.AddresseeId is { } addressee ? addressees.GetValueOrDefault(addressee) : null,
                ThreadAuthorId = thread.AuthorId,
                ThreadVisibility = thread.Visibility,
                ThreadFormerGroupId = thread.FormerAuthorGroupId,
                CurrentRevision = revision,
            });
        }
        return await AnnotationService.ViewsOfAsync(db, importer.SeminarId, rows, cancellationToken);
    }
}
