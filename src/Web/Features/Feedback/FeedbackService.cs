using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Anchoring;
using Annotate.Shared.Text;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Feedback;

/// <summary>
/// A student's feedback: what teachers addressed to them, newest first, with the passage it is about
/// and whether they have opened it. Everything is read through the visibility rule, document by
/// document, so a removed student stops seeing it and nobody else ever does.
/// </summary>
internal sealed class FeedbackService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, AnnotationService annotations, DocumentService documents, IAnnotationFeed feed, TimeProvider clock)
{
    public sealed record FeedbackItem(
        AnnotationView Feedback,
        int DocumentId,
        string DocumentTitle,
        string SeminarName,
        string? Passage,
        int? ParagraphNumber,
        bool Unread);

    public async Task<List<FeedbackItem>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only where feedback for this user exists; each document is then read as the user may read it.
        var documentIds = await db.Annotations
            .Where(a => a.AddresseeId == userId && a.AuthorId != userId)
            .Select(a => a.DocumentId).Distinct()
            .ToListAsync(cancellationToken);
        var read = (await db.FeedbackReads.Where(r => r.UserId == userId).Select(r => r.AnnotationId).ToListAsync(cancellationToken)).ToHashSet();

        var items = new List<FeedbackItem>();
        foreach (var documentId in documentIds)
        {
            if (await access.ForDocumentAsync(userId, documentId, cancellationToken) is not { } reader) continue;
            var visible = await annotations.ListVisibleAsync(reader, cancellationToken);
            var feedbackHere = visible.Where(v => v.AddresseeId == userId && v.AuthorId != userId).ToList();
            if (feedbackHere.Count == 0 || await documents.GetAsync(documentId) is not { } document) continue;
            var byId = visible.ToDictionary(v => v.Id);
            var blocks = TextBlocks.Parse(document.Text);
            foreach (var feedback in feedbackHere)
            {
                var root = byId.GetValueOrDefault(feedback.ThreadRootId) ?? feedback;
                var paragraph = !root.Orphan && root.Position is { } position
                    ? TextBlocks.ParagraphAt(blocks, TextAnchor.ToSpan(document.Text, position).Start)
                    : null;
                items.Add(new FeedbackItem(feedback, documentId, document.Title, document.SeminarName,
                    root.Quote?.Exact, paragraph, !read.Contains(feedback.Id)));
            }
        }
        return items.OrderByDescending(i => i.Feedback.Created).ToList();
    }

    /// <summary>
    /// The app bar asks this on every navigation: without a single unread candidate in the database (the
    /// rule can only hide feedback, never add any) there is nothing to read through the rule.
    /// </summary>
    public async Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var candidates = await db.Annotations.AnyAsync(a => a.AddresseeId == userId && a.AuthorId != userId
                && !db.FeedbackReads.Any(r => r.UserId == userId && r.AnnotationId == a.Id), cancellationToken);
            if (!candidates) return 0;
        }
        return (await ListAsync(userId, cancellationToken)).Count(i => i.Unread);
    }

    /// <summary>Marks feedback as read; ids that are not feedback this user can see are ignored.</summary>
    public async Task MarkReadAsync(string userId, IReadOnlyCollection<Guid> ids)
    {
        var mine = (await ListAsync(userId)).Where(i => i.Unread && ids.Contains(i.Feedback.Id)).ToList();
        if (mine.Count == 0) return;
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        db.FeedbackReads.AddRange(mine.Select(i => new FeedbackRead { UserId = userId, AnnotationId = i.Feedback.Id, ReadAt = now }));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Marked at the same moment in another tab: it is read either way.
        }
        foreach (var documentId in mine.Select(i => i.DocumentId).Distinct())
            await feed.PublishAsync(new FeedbackReadEvent(documentId, userId));
    }
}
