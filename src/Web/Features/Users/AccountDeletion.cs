using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Features.Seminars;
using Annotate.Web.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Users;

/// <summary>
/// Deleting an account, the one way it is done (the account page and DELETE /api/users/me). In one
/// transaction, before the user row goes: what they wrote goes, except threads they started that others
/// replied in, which stay without their words (shown as by "a deleted account") so that others' replies
/// survive, visible to the same people as before; feedback addressed to them goes; seminars only they
/// belonged to go. A seminar of others that they alone teach stops it: someone has to be its teacher.
/// After the commit, open pages and hub connections are told, and the account's other sign-ins stop
/// working at once (<see cref="DeletedAccountGuard"/>).
/// </summary>
internal sealed class AccountDeletion(IDbContextFactory<AnnotateDb> dbFactory, IAnnotationFeed feed, SeminarDeletion seminarDeletion, TimeProvider clock)
{
    public const string HandOverFirst = "Make another member a teacher, or delete the seminar, first.";

    public sealed record SeminarRef(int Id, string Name);

    /// <summary>What deleting the account does to its seminars, shown before confirming.</summary>
    /// <param name="OnlyTeacherOf">Seminars with other members that the account alone teaches: while there is one, it cannot be deleted.</param>
    /// <param name="DeletedWith">Seminars the account is the only member of: deleted with it.</param>
    public sealed record Preview(IReadOnlyList<SeminarRef> OnlyTeacherOf, IReadOnlyList<SeminarRef> DeletedWith)
    {
        public bool Blocked => OnlyTeacherOf.Count > 0;

        public string Refusal =>
            $"You are the only teacher of {string.Join(", ", OnlyTeacherOf.Select(s => $"“{s.Name}”"))}, where others are still members. {HandOverFirst}";
    }

    private sealed record Changes(List<AnnotationView> Deleted, List<(AnnotationView Before, AnnotationView After)> Updated);

    /// <summary>
    /// The password that confirms deleting the account, checked as a sign-in is (a wrong one counts towards
    /// lockout); null when it is right, else the sentence to show. An account without a password (signed in
    /// by passkey or another service) has nothing to type.
    /// </summary>
    public static async Task<string?> CheckPasswordAsync(SignInManager<ApplicationUser> signIn, ApplicationUser user, string? password)
    {
        if (!await signIn.UserManager.HasPasswordAsync(user)) return null;
        if (string.IsNullOrEmpty(password)) return "Type your password to delete your account.";
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded) return null;
        return result.IsLockedOut
            ? "Too many wrong passwords: this account is locked for a few minutes. Try again later."
            : "That is not this account's password.";
    }

    public async Task<Preview> PreviewAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await PreviewAsync(db, userId);
    }

    /// <summary>Deletes the account, or, when <see cref="Preview.Blocked"/>, changes nothing.</summary>
    public async Task<Preview> DeleteAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        Preview preview;
        List<SeminarDeletion.DeletedDocument> deletedDocuments;
        List<SeminarDeletion.DeletedDocument> leftDocuments;
        Changes changes;
        List<Guid> reacted;
        // One write transaction: a co-teacher stepping down meanwhile cannot leave a seminar without a teacher.
        await using (var transaction = await db.Database.BeginWriteTransactionAsync())
        {
            preview = await PreviewAsync(db, userId);
            if (preview.Blocked) return preview;
            deletedDocuments = await SeminarDeletion.DeleteAsync(db, preview.DeletedWith.Select(s => s.Id).ToList());
            leftDocuments = await db.Documents.Where(d => db.Memberships.Any(m => m.SeminarId == d.SeminarId && m.UserId == userId))
                .Select(d => new SeminarDeletion.DeletedDocument(d.Id, d.SeminarId)).ToListAsync();
            changes = await RemoveWritingAsync(db, userId);
            await db.FeedbackReads.Where(r => r.UserId == userId).ExecuteDeleteAsync();
            // Their upvotes and "same question"s go with them: readers see the counts drop.
            reacted = await db.Reactions.Where(r => r.UserId == userId).Select(r => r.AnnotationId).Distinct().ToListAsync();
            await db.Reactions.Where(r => r.UserId == userId).ExecuteDeleteAsync();
            // Their inbox, settings and the record of being mentioned go; what they did stays in others' inboxes, by nobody.
            await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync();
            await db.Notifications.Where(n => n.ActorId == userId).ExecuteUpdateAsync(set => set.SetProperty(n => n.ActorId, (string?)null));
            await db.NotificationSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync();
            await db.Mentions.Where(m => m.UserId == userId).ExecuteDeleteAsync();
            // What they did that nobody has heard of yet: nobody will (their mails' rows go with their notifications).
            await db.NotificationOutbox.Where(r => r.ActorId == userId).ExecuteDeleteAsync();
            // Ids kept only as a record of who did something: nobody any more.
            await db.Annotations.Where(a => a.ResolvedById == userId).ExecuteUpdateAsync(set => set.SetProperty(a => a.ResolvedById, (string?)null));
            await db.DocumentRevisions.Where(r => r.AuthorId == userId).ExecuteUpdateAsync(set => set.SetProperty(r => r.AuthorId, (string?)null));
            // Memberships, removals and Identity's own rows (logins, tokens, passkeys) cascade with the user.
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync();
            await transaction.CommitAsync();
        }

        // Their own open pages and hub connections first, so none of them hears what follows.
        foreach (var document in leftDocuments)
            await feed.PublishAsync(new AccessChangedEvent(document.DocumentId, document.SeminarId, userId, OthersAffected: false));
        await seminarDeletion.AnnounceAsync(deletedDocuments);
        foreach (var view in changes.Deleted.OrderByDescending(v => v.IsReply))
            await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Deleted, view));
        foreach (var (before, after) in changes.Updated)
            await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, after, Previous: before));
        foreach (var view in await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => reacted.Contains(a.Id))))
            await feed.PublishAsync(new AnnotationEvent(AnnotationEventKind.Updated, view));
        return preview;
    }

    private static async Task<Preview> PreviewAsync(AnnotateDb db, string userId)
    {
        var seminars = await db.Memberships.Where(m => m.UserId == userId)
            .Select(m => new
            {
                m.SeminarId,
                m.Seminar!.Name,
                m.Role,
                Members = db.Memberships.Count(o => o.SeminarId == m.SeminarId),
                Teachers = db.Memberships.Count(o => o.SeminarId == m.SeminarId && o.Role == SeminarRole.Teacher),
            })
            .ToListAsync();
        var byName = seminars.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.SeminarId).ToList();
        return new Preview(
            byName.Where(s => s.Members > 1 && s.Role == SeminarRole.Teacher && s.Teachers == 1).Select(s => new SeminarRef(s.SeminarId, s.Name)).ToList(),
            byName.Where(s => s.Members == 1).Select(s => new SeminarRef(s.SeminarId, s.Name)).ToList());
    }

    /// <summary>
    /// Applies <see cref="DepartingAuthor"/> to every thread the account wrote in or was addressed in (the
    /// seminars deleted with it are gone already), and answers each change as readers saw it before and after.
    /// </summary>
    private async Task<Changes> RemoveWritingAsync(AnnotateDb db, string userId)
    {
        var threadIds = await db.Annotations.Where(a => a.AuthorId == userId || a.AddresseeId == userId)
            .Select(a => a.ThreadId ?? a.Id).Distinct().ToListAsync();
        if (threadIds.Count == 0) return new([], []);
        var annotations = await db.Annotations
            .Where(a => threadIds.Contains(a.Id) || (a.ThreadId != null && threadIds.Contains(a.ThreadId.Value)))
            .ToListAsync();
        var documentIds = annotations.Select(a => a.DocumentId).Distinct().ToList();
        var seminarOf = await db.Documents.Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.SeminarId);
        var groupIn = await db.Memberships.Where(m => m.UserId == userId).ToDictionaryAsync(m => m.SeminarId, m => m.GroupId);

        var plan = DepartingAuthor.For(annotations, userId);
        // A question whose named answer goes with the account is open again, as when that reply alone is deleted.
        bool LosesAnswer(Annotation a) => a.AnswerId is { } answer && plan.Deleted.Contains(answer);
        var changed = annotations.Where(a => plan.NewParents.ContainsKey(a.Id) || plan.Emptied.Contains(a.Id) || LosesAnswer(a)).ToList();
        var before = await ViewsAsync(db, annotations.Where(a => plan.Deleted.Contains(a.Id)).Concat(changed));

        var now = clock.GetUtcNow();
        foreach (var annotation in changed)
        {
            if (plan.NewParents.TryGetValue(annotation.Id, out var parent)) annotation.ParentId = parent;
            if (LosesAnswer(annotation)) (annotation.AnsweredAt, annotation.AnswerId) = (null, null);
            if (plan.Emptied.Contains(annotation.Id))
            {
                annotation.AuthorId = null;
                // Their group then, so a group thread stays with the group-mates who replied in it.
                annotation.FormerAuthorGroupId = groupIn.GetValueOrDefault(seminarOf[annotation.DocumentId]);
                annotation.Body = "";
                annotation.Tags = "";
                annotation.AttributedTo = null;
                annotation.ImportKey = null;
                annotation.Exemplary = false;
                annotation.Modified = now;
            }
            annotation.Version++;
        }
        await db.SaveChangesAsync();
        var deletedIds = plan.Deleted.ToList();
        await db.Annotations.Where(a => deletedIds.Contains(a.Id)).ExecuteDeleteAsync();

        var after = await ViewsAsync(db, changed);
        return new(
            before.Values.Where(v => plan.Deleted.Contains(v.Id)).ToList(),
            changed.Where(a => before.ContainsKey(a.Id) && after.ContainsKey(a.Id)).Select(a => (before[a.Id], after[a.Id])).ToList());
    }

    /// <summary>The annotations as readers see them (each with the groups of its document's seminar).</summary>
    private static async Task<Dictionary<Guid, AnnotationView>> ViewsAsync(AnnotateDb db, IEnumerable<Annotation> annotations)
    {
        var ids = annotations.Select(a => a.Id).ToList();
        return (await AnnotationViews.LoadAsync(db, db.Annotations.Where(a => ids.Contains(a.Id)))).ToDictionary(v => v.Id);
    }
}
