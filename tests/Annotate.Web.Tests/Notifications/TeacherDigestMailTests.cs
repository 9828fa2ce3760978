using System.Net;
using System.Net.Http.Json;
using Annotate.Web.Features.Notifications;
using Annotate.Web.Tests.Email;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Notifications;

/// <summary>
/// A teacher's daily digest also lists the questions nobody marked answered and, for a document due within a day,
/// the students who have not started; only what the teacher may see then, in both the text and the HTML part.
/// </summary>
public sealed class TeacherDigestMailTests(MailingApp mailing) : IClassFixture<MailingApp>
{
    private AnnotateApp App => mailing.App;

    private static System.Text.Json.Nodes.JsonObject Question(string documentIri, string exact, string body, string visibility = "seminar")
    {
        var question = AnnotationJson.Comment(documentIri, SampleTexts.Manifesto, exact, body, visibility, []);
        question["motivation"] = "questioning";
        return question;
    }

    [Fact]
    public async Task A_teachers_digest_lists_open_questions_they_can_see_and_the_students_who_have_not_started_a_document_due_tomorrow()
    {
        var teacher = await mailing.RegisterConfirmedAsync("teacher");
        var ana = await mailing.RegisterConfirmedAsync("ana");
        var binh = await mailing.RegisterConfirmedAsync("binh");
        var chi = await mailing.RegisterConfirmedAsync("chi");
        var (seminarId, joinCode) = await App.CreateSeminarAsync(teacher);
        foreach (var student in new[] { ana, binh, chi }) await App.JoinAsync(student, joinCode);
        var due = await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/documents",
            new { title = "The Manifesto", text = SampleTexts.Manifesto, dueAt = DateTimeOffset.UtcNow.AddHours(12) });
        await due.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var documentId = (await due.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var notDue = await App.AddDocumentAsync(teacher, seminarId, "Without a due date", SampleTexts.Manifesto);
        var iri = App.DocumentIri(documentId);

        var open = await ana.CreateAnnotationAsync(documentId, Question(iri, "class struggles", "Which classes does he mean?"));
        var answered = await ana.CreateAnnotationAsync(documentId, Question(iri, "class struggles", "Is this answered already?"));
        var reply = await teacher.CreateAnnotationAsync(documentId, AnnotationJson.Reply(answered.Iri(), "Yes: see the next paragraph."));
        await (await ana.Http.PostAsJsonAsync($"/api/annotations/{answered.Iri().Split('/')[^1]}/answered", new { reply = reply.Iri() })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        // Binh's only post is private: the teacher cannot see it, so the digest neither quotes it nor counts him as started.
        await binh.CreateAnnotationAsync(documentId, Question(iri, "class struggles", "A private doubt of mine.", "private"));
        // Chi's question is on the document without a due date: he has not started the one that is due.
        await chi.CreateAnnotationAsync(notDue, Question(App.DocumentIri(notDue), "class struggles", "Chi asks elsewhere."));
        await (await teacher.Http.PutAsJsonAsync("/api/notifications/settings", new { timeZone = "UTC", digestHour = DateTime.UtcNow.Hour })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await App.NotificationsSettledAsync();

        await App.Services.GetRequiredService<DigestService>().SendDueAsync();

        var digest = await mailing.Smtp.WaitForMailAsync(teacher.Email, m => m.Subject?.StartsWith("Your Annotate digest") == true);
        foreach (var part in new[] { digest.Text, System.Net.WebUtility.HtmlDecode(digest.Html) })
        {
            Assert.Contains($"{ana.DisplayName} asked a question on “The Manifesto” that nobody has marked answered yet", part);
            Assert.Contains("Which classes does he mean?", part);
            Assert.Contains($"{TestSmtpServer.PublicOrigin}/documents/{documentId}?thread={open.Iri().Split('/')[^1]}", part);
            Assert.Contains($"{chi.DisplayName} asked a question on “Without a due date”", part);
            Assert.DoesNotContain("Is this answered already?", part);
            Assert.DoesNotContain("A private doubt of mine.", part);
            Assert.Contains("These students have not started on “The Manifesto”, due", part);
            Assert.Contains(string.Join(", ", new[] { binh.DisplayName, chi.DisplayName }.Order(StringComparer.CurrentCulture)), part);
            Assert.DoesNotContain("“Without a due date”, due", part);
        }
        var names = digest.Text.Split('\n').Single(line => line.Contains(binh.DisplayName));
        Assert.DoesNotContain(ana.DisplayName, names);
    }
}
