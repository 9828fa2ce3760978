using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared.Mentions;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Notifications;

/// <summary>
/// Who an annotation's mentions reach. Only members of the seminar who can see the annotation (the one visibility
/// rule, asked with each one's access now) are stored as mentioned and told; everyone else named is a
/// <see cref="MentionWarning"/> for the writer, and hears nothing: a mention never carries a private thread to
/// someone outside its audience.
/// </summary>
internal sealed class MentionCheck(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access)
{
    public sealed record Outcome(IReadOnlyList<Mention> Reached, IReadOnlyList<MentionWarning> Warnings)
    {
        public static Outcome None { get; } = new([], []);
    }

    public async Task<Outcome> CheckAsync(AnnotationView annotation, string writerId, CancellationToken cancellationToken = default)
    {
        var mentions = MentionSyntax.Parse(annotation.Body);
        if (mentions.Count == 0) return Outcome.None;
        var reached = new List<Mention>();
        var warnings = new List<MentionWarning>();
        var asked = new Dictionary<string, bool>();
        foreach (var mention in mentions)
        {
            if (!asked.TryGetValue(mention.UserId, out var sees))
            {
                var reader = mention.UserId == writerId ? null : await access.ForDocumentAsync(mention.UserId, annotation.DocumentId, cancellationToken);
                asked[mention.UserId] = sees = mention.UserId == writerId || (reader is not null && annotation.CanBeSeenBy(reader.Viewer));
                if (!sees)
                    warnings.Add(new MentionWarning(mention.UserId, mention.DisplayName, reader is null
                        ? $"{mention.DisplayName} is not a member of this seminar: nobody was notified."
                        : $"{mention.DisplayName} cannot see this annotation (its visibility leaves them out): they were not notified."));
            }
            if (sees && mention.UserId != writerId) reached.Add(mention);
        }
        return new Outcome(reached, warnings);
    }

    /// <summary>
    /// Stores who <paramref name="annotationId"/> now mentions (replacing what an earlier version did) and answers
    /// who is mentioned for the first time, the people to tell.
    /// </summary>
    public async Task<IReadOnlyList<string>> StoreAsync(Guid annotationId, IReadOnlyList<Mention> reached, bool isNew, CancellationToken cancellationToken = default)
    {
        if (isNew && reached.Count == 0) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var before = isNew ? [] : await db.Mentions.Where(m => m.AnnotationId == annotationId).Select(m => m.UserId).Distinct().ToListAsync(cancellationToken);
        if (before.Count == 0 && reached.Count == 0) return [];
        if (!isNew) await db.Mentions.Where(m => m.AnnotationId == annotationId).ExecuteDeleteAsync(cancellationToken);
        db.Mentions.AddRange(reached.Select(m => new AnnotationMention { AnnotationId = annotationId, UserId = m.UserId, Offset = m.Offset, Length = m.Length }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Deleted meanwhile (the annotation, or a mentioned account): nobody left to tell about it.
            return [];
        }
        return reached.Select(m => m.UserId).Distinct().Except(before).ToList();
    }
}
