using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Discussion;

/// <summary>
/// Upvotes and "I have this question too": one of each per person and annotation, given and taken back
/// idempotently, only on what the person can see. Every change reaches the annotation's readers as an update of it.
/// </summary>
internal sealed class ReactionService(IDbContextFactory<AnnotateDb> dbFactory, AnnotationService annotations, IAnnotationFeed feed, TimeProvider clock)
{
    /// <summary>Gives (<paramref name="on"/>) or takes back the caller's reaction; answers the annotation as the caller now sees it.</summary>
    public async Task<ServiceResult<AnnotationView>> SetAsync(string userId, Guid id, string kind, bool on)
    {
        if (!ReactionKinds.IsKnown(kind)) return ServiceProblem.Invalid(ReactionKinds.Unknown(kind));
        if (await annotations.GetVisibleAsync(userId, id) is not { } found) return ServiceProblem.NotFound(AnnotationService.NoSuchAnnotation);
        var (current, reader) = found;
        // Taking one back is always allowed: the question may have been edited into a comment since.
        var action = kind == ReactionKinds.Upvote ? AnnotationAction.Upvote : AnnotationAction.SameQuestion;
        if (on && AnnotationPermissions.Check(reader.Viewer, current, action) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync();
        var changed = on ? await AddAsync(db, id, userId, kind)
            : await db.Reactions.Where(r => r.AnnotationId == id && r.UserId == userId && r.Kind == kind).ExecuteDeleteAsync() > 0;
        // Deleted meanwhile: as if it had never been there.
        if (await AnnotationViews.LoadOneAsync(db, id) is not { } view) return ServiceProblem.NotFound(AnnotationService.NoSuchAnnotation);
        if (changed) await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, view, Previous: current));
        return view.For(reader.Viewer);
    }

    /// <summary>Who reacted to an annotation the caller can see, by kind (only members of its seminar).</summary>
    public async Task<ServiceResult<AnnotationView>> GetAsync(string userId, Guid id) =>
        await annotations.GetVisibleAsync(userId, id) is { } found ? found.Annotation : ServiceProblem.NotFound(AnnotationService.NoSuchAnnotation);

    /// <summary>Stores the reaction unless it is there; false when it was (a second request, or two at once).</summary>
    private async Task<bool> AddAsync(AnnotateDb db, Guid id, string userId, string kind)
    {
        if (await db.Reactions.AnyAsync(r => r.AnnotationId == id && r.UserId == userId && r.Kind == kind)) return false;
        db.Reactions.Add(new Reaction { AnnotationId = id, UserId = userId, Kind = kind, Created = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // The same reaction stored by a request that raced this one, or the annotation deleted meanwhile (the caller finds out).
            return false;
        }
    }
}
