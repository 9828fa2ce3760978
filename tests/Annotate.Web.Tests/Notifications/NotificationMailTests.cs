using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Tests.Email;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Annotate.Web.Tests.Notifications;

/// <summary>
/// Notifications by mail through a real SMTP exchange: a mention at once, the daily digest, each with the passage,
/// a link to the thread and a signed one-click unsubscribe; nothing to someone who cannot see what it is about.
/// </summary>
public sealed class NotificationMailTests(MailingApp mailing) : IClassFixture<MailingApp>
{
    private AnnotateApp App => mailing.App;
    private TestSmtpServer Smtp => mailing.Smtp;

    private sealed record Room(ApiUser Teacher, ApiUser Ana, ApiUser Binh, int SeminarId, int DocumentId, string DocumentIri, string Text);

    private async Task<Room> RoomAsync()
    {
        var teacher = await mailing.RegisterConfirmedAsync("teacher");
        var ana = await mailing.RegisterConfirmedAsync("ana");
        var binh = await mailing.RegisterConfirmedAsync("binh");
        var (seminarId, joinCode) = await App.CreateSeminarAsync(teacher);
        // The document first: nobody else is a member yet, so nobody has a "document" notification to muddle the digest.
        var documentId = await App.AddDocumentAsync(teacher, seminarId, "The Manifesto", SampleTexts.Manifesto);
        await App.JoinAsync(ana, joinCode);
        await App.JoinAsync(binh, joinCode);
        return new Room(teacher, ana, binh, seminarId, documentId, App.DocumentIri(documentId), SampleTexts.Manifesto);
    }

    private static System.Text.Json.Nodes.JsonObject Comment(Room room, string body, string visibility = "seminar") =>
        AnnotationJson.Comment(room.DocumentIri, room.Text, "class struggles", body, visibility, []);

    private static Uri Unsubscribe(MimeMessage mail)
    {
        var header = mail.Headers["List-Unsubscribe"] ?? "";
        Assert.StartsWith($"<{TestSmtpServer.PublicOrigin}/unsubscribe?token=", header);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        return new Uri(header.Trim('<', '>'));
    }

    /// <summary>Mail to <paramref name="to"/> other than the confirmation of their address.</summary>
    private List<MimeMessage> Notices(string to) => [.. Smtp.MailTo(to).Where(m => m.Subject?.StartsWith("Confirm") != true)];

    private Task<ReceivedMail> NoticeAsync(string to, string subjectPart) => Smtp.WaitForMailAsync(to, m => m.Subject?.Contains(subjectPart) == true);

    [Fact]
    public async Task A_mention_is_mailed_at_once_with_the_passage_a_link_to_the_thread_and_an_unsubscribe_header()
    {
        var room = await RoomAsync();

        var thread = await room.Teacher.CreateAnnotationAsync(room.DocumentId, Comment(room, $"What do you say, {room.Ana.Mention()}?"));

        var mail = await NoticeAsync(room.Ana.Email, "mentioned you");
        Assert.Equal($"{room.Teacher.DisplayName} mentioned you on “The Manifesto”", mail.Subject);
        Assert.Contains("> class struggles", mail.Text);
        Assert.Contains($"What do you say, @{room.Ana.DisplayName}?", mail.Text);
        Assert.DoesNotContain("user:", mail.Text + mail.Html);
        Assert.Contains($"{TestSmtpServer.PublicOrigin}/documents/{room.DocumentId}?thread={thread.Iri().Split('/')[^1]}", mail.Text);
        Assert.Contains("<blockquote", mail.Html);
        Assert.Contains("Stop these mails", mail.Html);
        Unsubscribe(mail.Message);
    }

    [Fact]
    public async Task Someone_mentioned_who_cannot_see_the_thread_gets_no_mail()
    {
        var room = await RoomAsync();

        await room.Ana.CreateAnnotationAsync(room.DocumentId, Comment(room, $"Only for teachers; {room.Binh.Mention()} cannot see it", "teachers"));
        // The barrier: a mention made after it, to Ana, arrives; the worker and the mail queue go in order.
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, Comment(room, $"Barrier {room.Ana.Mention()}"));
        await NoticeAsync(room.Ana.Email, "mentioned you");

        Assert.Empty(Notices(room.Binh.Email));
    }

    [Fact]
    public async Task The_unsubscribe_link_shows_a_button_stops_that_kind_of_mail_and_a_forged_one_changes_nothing()
    {
        var room = await RoomAsync();
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, Comment(room, $"First, {room.Ana.Mention()}"));
        var link = Unsubscribe((await NoticeAsync(room.Ana.Email, "mentioned you")).Message);
        var browser = App.CreateApiClient();

        var page = await browser.GetAsync(MailingApp.OnTestServer(link));
        await page.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Contains("Stop mails when someone mentions you", await page.Content.ReadAsStringAsync());
        Assert.True((await (await room.Ana.Http.GetAsync("/api/notifications/settings")).JsonAsync()).GetProperty("mail").GetProperty("mentions").GetBoolean());

        var token = link.Query["?token=".Length..];
        var forged = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        // The mention's mail leaves the notification outbox once the server took it: settled before the snapshot.
        await App.NotificationsSettledAsync();
        var before = await App.Database.SnapshotAsync();
        await (await browser.PostAsync($"/unsubscribe?token={forged}", null)).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        await (await browser.PostAsync("/unsubscribe?token=not-a-token", null)).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        await (await browser.PostAsync("/unsubscribe", null)).ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, await App.Database.SnapshotAsync());

        // A mail client's one-click unsubscribe (RFC 8058): a form POST to the same link.
        var done = await browser.PostAsync(MailingApp.OnTestServer(link), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        await done.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.False((await (await room.Ana.Http.GetAsync("/api/notifications/settings")).JsonAsync()).GetProperty("mail").GetProperty("mentions").GetBoolean());

        await room.Teacher.CreateAnnotationAsync(room.DocumentId, Comment(room, $"Second, {room.Ana.Mention()}"));
        var feedback = Comment(room, "Feedback arrives still.");
        feedback["motivation"] = "assessing";
        feedback["addressee"] = room.Ana.Id;
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, feedback);
        await Smtp.WaitForMailAsync(room.Ana.Email, m => m.Subject?.Contains("gave you feedback") == true);
        Assert.Single(Smtp.MailTo(room.Ana.Email), m => m.Subject?.Contains("mentioned you") == true);
        // The in-app notification of the second mention is there all the same.
        await room.Ana.WaitForNotificationAsync("mention", n => n.GetProperty("annotation").GetProperty("body")[0].GetProperty("value").GetString()!.StartsWith("Second"));
    }

    [Fact]
    public async Task The_daily_digest_comes_at_the_chosen_hour_with_what_was_not_mailed_and_nothing_the_recipient_cannot_see()
    {
        var room = await RoomAsync();
        var thread = await room.Ana.CreateAnnotationAsync(room.DocumentId, Comment(room, "Still true?"));
        var binhsThread = await room.Binh.CreateAnnotationAsync(room.DocumentId, Comment(room, "My own thought."));
        var reply = await room.Binh.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Yes, see ¶ 3."));
        var toBinh = await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(binhsThread.Iri(), "Secret to Binh's thread."));
        await room.Ana.WaitForNotificationAsync("reply", n => n.AnnotationIri() == reply.Iri());
        await room.Binh.WaitForNotificationAsync("reply", n => n.AnnotationIri() == toBinh.Iri());
        var hour = DateTime.UtcNow.Hour;
        foreach (var user in new[] { room.Ana, room.Binh })
            await (await user.Http.PutAsJsonAsync("/api/notifications/settings", new { timeZone = "UTC", digestHour = hour })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        // Binh is removed: his reply notification is no longer his to see.
        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.Binh.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await App.Services.GetRequiredService<DigestService>().SendDueAsync();

        var digest = await Smtp.WaitForMailAsync(room.Ana.Email, m => m.Subject?.StartsWith("Your Annotate digest") == true);
        Assert.Equal("Your Annotate digest: 1 new item", digest.Subject);
        Assert.Contains($"{room.Binh.DisplayName} replied on “The Manifesto”", digest.Text);
        Assert.Contains("> class struggles", digest.Text);
        Assert.Contains("Yes, see ¶ 3.", digest.Text);
        Assert.Contains($"/documents/{room.DocumentId}?thread=", digest.Text);
        Assert.StartsWith($"<{TestSmtpServer.PublicOrigin}/unsubscribe?token=", digest.Message.Headers["List-Unsubscribe"] ?? "");
        Assert.Empty(Notices(room.Binh.Email));

        // Once a day: asking again sends nothing more.
        Assert.Equal(0, await App.Services.GetRequiredService<DigestService>().SendDueAsync());
    }
}
