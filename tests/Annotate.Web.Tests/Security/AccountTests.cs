using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;
using Bunit;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// Deleting an account takes what its owner wrote, never what others wrote: a thread others replied in
/// stays (shown as by "a deleted account", without its words), for the same readers as before, on the
/// API, the hub and open pages. A seminar keeps a teacher. The account's other sign-ins end at once.
/// </summary>
public sealed class AccountTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string DeletedAccount = "a deleted account";
    private const string DeletedBody = "Deleted with its author's account.";

    [Fact]
    public async Task Another_members_reply_survives_its_thread_authors_account_deletion_on_the_api_the_hub_and_the_page()
    {
        var room = await app.CreateClassroomAsync();
        var hubB = await app.ConnectHubAsync(room.StudentB);
        await hubB.JoinAsync(room.DocumentId);
        await using var pages = new LiveReadingPages(app);
        var teacherPage = await pages.OpenAsync(room.Teacher, room.DocumentId);
        var authorsPage = await pages.OpenAsync(room.StudentA, room.DocumentId);

        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A's question.", "seminar", "question"))).Iri();
        var reply = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "B's answer."))).Iri();
        var authorsReply = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(reply, "A thanks B."))).Iri();
        var answerToAuthor = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(authorsReply, "The teacher agrees."))).Iri();
        await hubB.WaitForAsync(HubListener.Created, answerToAuthor);
        await teacherPage.WaitUntilShownAsync("The teacher agrees.");

        await room.StudentA.DeleteAccountOkAsync();

        // The hub: the author's reply goes, the thread stays without its words.
        await hubB.WaitForAsync(HubListener.Deleted, authorsReply);
        var emptied = (await hubB.WaitForAsync(HubListener.Updated, thread)).Payload;
        AssertByDeletedAccount(emptied);
        // The API: the same for everyone who saw the thread, the replies of others intact.
        foreach (var reader in new[] { room.Teacher, room.StudentB })
        {
            Assert.Equal(new[] { thread, reply, answerToAuthor }.Order(), (await reader.VisibleAnnotationIrisAsync(room.DocumentId)).Order());
            AssertByDeletedAccount(await (await reader.GetAnnotationAsync(thread)).JsonAsync());
            Assert.Equal("B's answer.", (await (await reader.GetAnnotationAsync(reply)).JsonAsync()).CommentText());
        }
        // What answered the deleted reply now answers what that reply answered.
        Assert.Equal(reply, (await (await room.StudentB.GetAnnotationAsync(answerToAuthor)).JsonAsync()).GetProperty("target").GetString());
        await (await room.Outsider.GetAnnotationAsync(thread)).ProblemDetailAsync(HttpStatusCode.NotFound);
        // Open pages: others' follows at once; the author's own says the document is not there for them.
        await teacherPage.WaitUntilShownAsync(DeletedBody);
        await teacherPage.WaitUntilGoneAsync("A thanks B.");
        Assert.True(teacherPage.Shows("B's answer.") && teacherPage.Shows("The teacher agrees.") && !teacherPage.Shows("A's question."));
        await authorsPage.Component.WaitForAssertionAsync(() => Assert.True(authorsPage.IsNotFound), LiveReadingPages.Timeout);
    }

    [Fact]
    public async Task A_group_thread_stays_with_the_group_after_its_author_leaves()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "For our group.", "group"))).Iri();
        var reply = (await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "Group-mate B answers."))).Iri();

        await room.StudentA.DeleteAccountOkAsync();

        Assert.Equal(new[] { thread, reply }.Order(), (await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId)).Order());
        Assert.Equal(new[] { thread, reply }.Order(), (await room.Teacher.VisibleAnnotationIrisAsync(room.DocumentId)).Order());
        Assert.Empty(await c.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Fact]
    [EngineSpecific]
    public async Task What_only_its_author_wrote_goes_with_the_account_and_so_does_feedback_addressed_to_them()
    {
        var room = await app.CreateClassroomAsync();
        var alone = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "No one answered."))).Iri();
        var feedback = room.Comment("A spectre is haunting Europe", "Feedback for A.");
        feedback["motivation"] = "assessing";
        feedback["addressee"] = room.StudentA.Id;
        var forA = (await room.Teacher.CreateAnnotationAsync(room.DocumentId, feedback)).Iri();
        var feedbackId = forA[(forA.LastIndexOf('/') + 1)..];
        await (await room.StudentA.Http.PostAsJsonAsync("/api/feedback/read", new { ids = new[] { feedbackId } })).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await room.StudentA.DeleteAccountOkAsync();

        Assert.Empty(await room.Teacher.VisibleAnnotationIrisAsync(room.DocumentId));
        await (await room.Teacher.GetAnnotationAsync(alone)).ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM FeedbackReads WHERE UserId = $id", ("$id", room.StudentA.Id)));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Memberships WHERE UserId = $id", ("$id", room.StudentA.Id)));
    }

    [Fact]
    public async Task The_last_teacher_of_a_seminar_with_others_in_it_must_hand_over_first()
    {
        var room = await app.CreateClassroomAsync();

        var refused = await room.Teacher.DeleteAccountAsync();

        var detail = await refused.ProblemDetailAsync(HttpStatusCode.Conflict);
        Assert.Contains("Make another member a teacher, or delete the seminar, first.", detail);
        var problem = await refused.JsonAsync(HttpStatusCode.Conflict);
        var seminar = Assert.Single(problem.GetProperty("seminars").EnumerateArray());
        Assert.Equal(room.SeminarId, seminar.GetProperty("id").GetInt32());
        await (await room.Teacher.Http.GetAsync("/api/users/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await room.Teacher.Http.PutAsJsonAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentA.Id}/role", new { role = "teacher" }))
            .ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await room.Teacher.DeleteAccountOkAsync();

        var members = await (await room.StudentA.Http.GetAsync($"/api/seminars/{room.SeminarId}/members")).JsonAsync();
        Assert.Equal(["teacher", "student"], members.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
    }

    [Fact]
    [EngineSpecific]
    public async Task A_seminar_its_only_member_leaves_is_deleted_with_the_account()
    {
        var loner = await app.RegisterAsync("loner");
        var (seminarId, _) = await app.CreateSeminarAsync(loner, "Only me");
        var documentId = await app.AddDocumentAsync(loner, seminarId, "Notes", SampleTexts.Manifesto);
        await loner.CreateAnnotationAsync(documentId, AnnotationJson.Comment(app.DocumentIri(documentId), SampleTexts.Manifesto, "class struggles", "Mine."));

        await loner.DeleteAccountOkAsync();

        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Seminars WHERE Id = $id", ("$id", seminarId)));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM Documents WHERE SeminarId = $id", ("$id", seminarId)));
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM AspNetUsers WHERE Id = $id", ("$id", loner.Id)));
    }

    [Fact]
    public async Task The_deleted_accounts_token_cookie_and_hub_get_401_at_once()
    {
        var leaving = await app.RegisterAsync("leaving");
        var browser = await CookieReader.SignInAsync(app, leaving);
        await (await browser.Http.GetAsync("/api/users/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var tokens = await (await app.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email = leaving.Email, password = leaving.Password })).JsonAsync();

        await leaving.DeleteAccountOkAsync();

        await (await leaving.Http.GetAsync("/api/users/me")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await (await leaving.Http.GetAsync("/api/documents")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await (await browser.Http.GetAsync("/api/documents")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        var page = await browser.Http.GetAsync("/seminars/1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("Account/Login", page.Headers.Location!.ToString());
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => app.ConnectHubAsync(leaving));
        await (await app.CreateApiClient().PostAsJsonAsync("/api/auth/login", new { email = leaving.Email, password = leaving.Password }))
            .ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await (await app.CreateApiClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() }))
            .ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_the_right_password_nothing_is_deleted()
    {
        var user = await app.RegisterAsync("careful");

        var wrong = await user.DeleteAccountAsync("Not-my-password-1");
        var missing = await user.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me") { Content = JsonContent.Create(new { }) });

        Assert.Contains("not this account's password", await wrong.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Type your password", await missing.ProblemDetailAsync(HttpStatusCode.BadRequest));
        await (await user.Http.GetAsync("/api/users/me")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_thread_by_a_deleted_account_takes_replies_and_a_teachers_delete_but_no_one_edits_it()
    {
        var (room, thread) = await ThreadWhoseAuthorLeftAsync();
        var current = await room.Teacher.GetAnnotationAsync(thread);
        var etag = current.Headers.ETag!.Tag;

        await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "B again."));
        foreach (var editor in new[] { room.Teacher, room.StudentB })
            await (await editor.PutAnnotationAsync(thread, room.Comment("class struggles", "Rewritten."), etag)).ProblemDetailAsync(HttpStatusCode.Forbidden);
        await (await room.Teacher.Http.PostAsync($"{thread}/exemplary", null)).ProblemDetailAsync(HttpStatusCode.BadRequest);
        await (await room.StudentB.DeleteAnnotationAsync(thread)).ProblemDetailAsync(HttpStatusCode.Forbidden);
        await (await room.Teacher.DeleteAnnotationAsync(thread)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.Empty(await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Fact]
    public async Task Exports_name_a_deleted_account_and_say_its_words_went_with_it()
    {
        var (room, thread) = await ThreadWhoseAuthorLeftAsync();

        var csv = ExportCalls.CsvRows(await room.StudentB.ExportTextAsync(room.DocumentId, "format=csv"));
        var markdown = await room.StudentB.ExportTextAsync(room.DocumentId, "format=markdown");
        var html = await room.StudentB.ExportTextAsync(room.DocumentId, "format=html");

        Assert.Equal(DeletedAccount, csv[0]["author"]);
        Assert.Equal(DeletedBody, csv[0]["body"]);
        Assert.Equal("B's words.", csv[1]["body"]);
        Assert.Contains($"*{DeletedBody}*", markdown);
        Assert.Contains($"<em>{DeletedBody}</em>", html.Replace("&#x27;", "'"));
        Assert.DoesNotContain("A's words.", markdown + html + string.Concat(csv.SelectMany(r => r.Values)));
        await (await room.StudentB.ExportAsync(room.DocumentId, "format=pdf")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>A classroom where A started a thread, B replied ("B's words.") and A then deleted their account.</summary>
    private async Task<(Classroom Room, string Thread)> ThreadWhoseAuthorLeftAsync()
    {
        var room = await app.CreateClassroomAsync();
        var thread = (await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A's words."))).Iri();
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread, "B's words."));
        await room.StudentA.DeleteAccountOkAsync();
        return (room, thread);
    }

    private static void AssertByDeletedAccount(JsonElement annotation)
    {
        var creator = annotation.GetProperty("creator");
        Assert.Equal(DeletedAccount, creator.GetProperty("name").GetString());
        Assert.False(creator.TryGetProperty("id", out _), "A deleted account has no IRI.");
        Assert.Null(annotation.CommentText());
        Assert.Empty(annotation.Tags());
    }
}
