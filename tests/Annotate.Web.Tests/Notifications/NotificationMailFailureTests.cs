using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Notifications;

/// <summary>A mail that cannot be sent never takes the in-app notification with it.</summary>
public sealed class NotificationMailFailureTests
{
    [Fact]
    public async Task A_mention_whose_mail_is_refused_for_good_is_still_in_the_inbox()
    {
        await using var smtp = TestSmtpServer.RefusingForGood();
        await using var app = AnnotateApp.WithSettings(smtp.AppSettings());
        var room = await app.CreateClassroomAsync();
        // Mail goes only to confirmed addresses: confirm B's directly, as following the mail's link would.
        await app.Database.ExecuteAsync($"UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = TRUE WHERE \"Id\" = '{room.StudentB.Id}'");

        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", $"Hi {room.StudentB.Mention()}"));

        await app.Logs.WaitForAsync(e => e.Message.Contains("Gave up sending mail"));
        Assert.True(smtp.Attempts >= 1);
        await room.StudentB.WaitForNotificationAsync("mention", n => n.AnnotationIri() == thread.Iri());
    }
}
