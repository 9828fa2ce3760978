using Annotate.Data;
using Annotate.Web.Features.Documents;
using Annotate.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Notifications;

/// <summary>A teacher's announcement to their seminar: a few words every other member finds in their inbox (as their settings allow).</summary>
internal sealed class AnnouncementService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, NotificationOutbox outbox)
{
    public async Task<ServiceResult> AnnounceAsync(string userId, int seminarId, string? text)
    {
        if (await access.ForSeminarAsync(userId, seminarId) is not { } viewer) return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        if (!viewer.IsTeacher) return ServiceProblem.Forbidden(Words.Text("Problem.TeachersOnlyAnnounce"));
        var words = text?.Trim() ?? "";
        if (words.Length == 0) return ServiceProblem.Invalid(Words.Text("Problem.AnnouncementEmpty"));
        if (words.Length > NotificationOptions.MaxAnnouncement)
            return ServiceProblem.Invalid(Words.Text("Problem.AnnouncementLength", NotificationOptions.MaxAnnouncement, words.Length));
        // Stored before the answer: an announcement accepted reaches the seminar even if the app restarts now.
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.NotificationOutbox.Add(outbox.Announced(userId, seminarId, words));
            await db.SaveChangesAsync();
        }
        outbox.Wake();
        return ServiceResult.Done;
    }
}
