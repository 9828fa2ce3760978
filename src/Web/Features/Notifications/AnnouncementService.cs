using Annotate.Data;
using Annotate.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Annotate.Web.Features.Notifications;

/// <summary>A teacher's announcement to their seminar: a few words every other member finds in their inbox (as their settings allow).</summary>
internal sealed class AnnouncementService(IDbContextFactory<AnnotateDb> dbFactory, ReaderAccess access, NotificationOutbox outbox)
{
    public async Task<ServiceResult> AnnounceAsync(string userId, int seminarId, string? text)
    {
        if (await access.ForSeminarAsync(userId, seminarId) is not { } viewer) return ServiceProblem.NotFound(ReaderAccess.NoSuchSeminar);
        if (!viewer.IsTeacher) return ServiceProblem.Forbidden("Only a teacher of the seminar can make an announcement.");
        var words = text?.Trim() ?? "";
        if (words.Length == 0) return ServiceProblem.Invalid("Write what you want to announce.");
        if (words.Length > NotificationOptions.MaxAnnouncement)
            return ServiceProblem.Invalid($"An announcement is at most {NotificationOptions.MaxAnnouncement:N0} characters; this one has {words.Length:N0}.");
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
