using Annotate.Data;
using Annotate.Shared;
using Annotate.Shared.W3c;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// Whom the editor suggests after "@": the members of the document's seminar who can see an annotation with
/// <paramref name="audience"/>'s facts (a new thread's chosen visibility, or the thread a reply goes into), asked of
/// the one visibility rule with each member's viewer, as <see cref="Documents.ReaderAccess"/> builds it. Mentioning
/// anyone else would reach nobody (<see cref="MentionCheck"/>), so they are not offered.
/// </summary>
internal sealed class MentionCandidates(IDbContextFactory<AnnotateDb> dbFactory)
{
    public async Task<IReadOnlyList<MentionCandidate>> ForAsync(int documentId, VisibilityFacts audience, string writerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.Where(d => d.Id == documentId).Select(d => new { d.SeminarId, d.PostFirst }).FirstOrDefaultAsync(cancellationToken);
        if (document is null) return [];
        var members = await db.Memberships.Where(m => m.SeminarId == document.SeminarId && m.UserId != writerId)
            .Select(m => new { m.UserId, m.Role, m.GroupId, m.User!.DisplayName }).ToListAsync(cancellationToken);
        // As ReaderAccess: on a "post first" document a student sees others' words only after a thread of their own opens it.
        var opened = document.PostFirst
            ? (await db.Annotations.Where(a => a.DocumentId == documentId && a.ParentId == null && a.AuthorId != null
                    && a.Motivation != Motivations.Highlighting && a.Visibility != Visibility.Private)
                .Select(a => a.AuthorId!).Distinct().ToListAsync(cancellationToken)).ToHashSet()
            : [];
        return members
            .Where(m => VisibilityRule.CanSee(new Viewer(m.UserId, m.Role, m.GroupId,
                document.PostFirst && m.Role == SeminarRole.Student && !opened.Contains(m.UserId)), audience))
            .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new MentionCandidate(m.UserId, m.DisplayName))
            .ToList();
    }
}
