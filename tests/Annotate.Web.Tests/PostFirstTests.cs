using System.Net;
using System.Text.Json.Nodes;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>
/// "Post first": on such a document a student sees only their own annotations and feedback addressed to
/// them until they have posted a thread of their own that others can read; then the discussion opens,
/// live on an open page and a hub connection that joined before. Teachers see everything all along, and
/// no count gives away what is hidden.
/// </summary>
public sealed class PostFirstTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task A_student_sees_only_their_own_and_their_feedback_until_a_real_post_opens_the_discussion_live()
    {
        var room = await app.CreateClassroomAsync();
        await app.SetPostFirstAsync(room.DocumentId);
        var a = room.StudentA;
        var hubA = await app.ConnectHubAsync(a);
        var hubTeacher = await app.ConnectHubAsync(room.Teacher);
        await hubA.JoinAsync(room.DocumentId);
        await hubTeacher.JoinAsync(room.DocumentId);
        await using var pages = new LiveReadingPages(app);
        var pageA = await pages.OpenAsync(a, room.DocumentId);

        // Others write before A has posted anything.
        var byTeacher = await PostAsync(room, room.Teacher, room.Comment("Pope and Tsar", Text("teacher")));
        var byB = await PostAsync(room, room.StudentB, room.Comment("class struggles", Text("B")));
        var forA = await PostAsync(room, room.Teacher, Feedback(room, "Metternich and Guizot", a, Text("feedback for A")));
        var forB = await PostAsync(room, room.Teacher, Feedback(room, "holy alliance", room.StudentB, Text("feedback for B")));
        var othersHidden = new[] { byTeacher, byB, forB };

        await hubA.WaitForAsync(HubListener.Created, forA.Iri);
        await pageA.WaitUntilShownAsync(forA.Text);
        await AssertSeesExactlyAsync(a, room, [forA]);
        foreach (var hidden in othersHidden) await (await a.GetAnnotationAsync(hidden.Iri)).ProblemDetailAsync(HttpStatusCode.NotFound);
        // The teacher sees all; B, who has posted, sees everything but A's feedback.
        await AssertSeesExactlyAsync(room.Teacher, room, [byTeacher, byB, forA, forB]);
        await AssertSeesExactlyAsync(room.StudentB, room, [byTeacher, byB, forB]);
        var html = await (await CookieReader.SignInAsync(app, a)).GetReadingPageAsync(room.DocumentId);
        Assert.Contains(forA.Text, html.Html);
        Assert.Contains("threads-count\">1 annotation<", html.Html);
        foreach (var hidden in othersHidden) Assert.DoesNotContain(hidden.Text, html.Html);

        // Neither a private note, nor a plain highlight, nor a reply opens the gate.
        var note = await PostAsync(room, a, room.Comment("A spectre is haunting Europe", Text("private note"), "private"));
        var highlight = room.Comment("Working men of all countries, unite!", "");
        highlight["motivation"] = "highlighting";
        var highlighted = await PostAsync(room, a, highlight);
        var answer = await PostAsync(room, a, AnnotationJson.Reply(forA.Iri, Text("thanks")));
        var byBLater = await PostAsync(room, room.StudentB, room.Comment("nothing to lose but their chains", Text("B later")));
        var barrier = await PostAsync(room, a, room.Comment("nothing to lose but their chains", Text("second private note"), "private"));
        await hubA.WaitForAsync(HubListener.Created, barrier.Iri);
        othersHidden = [.. othersHidden, byBLater];
        Assert.DoesNotContain(hubA.Received, e => othersHidden.Any(h => h.Iri == e.AnnotationIri));
        Assert.Contains(hubA.Received, e => e.AnnotationIri == highlighted.Iri);
        await pageA.WaitUntilShownAsync(barrier.Text);
        foreach (var hidden in othersHidden) Assert.False(pageA.EverShowed(hidden.Text), $"A's page showed \"{hidden.Text}\" before A posted.");
        await AssertSeesExactlyAsync(a, room, [forA, note, highlighted, answer, barrier]);

        // A real post: seminar-visible, with words. From now on A reads along, live.
        var post = await PostAsync(room, a, room.Comment("class struggles", Text("A's own thought")));
        var afterPost = await PostAsync(room, room.StudentB, room.Comment("Pope and Tsar", Text("B after A posted")));
        await hubA.WaitForAsync(HubListener.Created, afterPost.Iri);
        await pageA.WaitUntilShownAsync(afterPost.Text);
        foreach (var earlier in new[] { byTeacher, byB, byBLater }) Assert.True(pageA.Shows(earlier.Text), $"A's page does not show \"{earlier.Text}\" after posting.");
        Assert.False(pageA.EverShowed(forB.Text), "Feedback for B reached A's page.");
        Assert.DoesNotContain(hubA.Received, e => e.AnnotationIri == forB.Iri);
        await (await a.GetAnnotationAsync(byTeacher.Iri)).JsonAsync();
        await (await a.GetAnnotationAsync(forB.Iri)).ProblemDetailAsync(HttpStatusCode.NotFound);
        await AssertSeesExactlyAsync(a, room, [byTeacher, byB, forA, note, highlighted, answer, byBLater, barrier, post, afterPost]);
        await hubTeacher.WaitForAsync(HubListener.Created, afterPost.Iri);
        Assert.Contains(hubTeacher.Received, e => e.AnnotationIri == byB.Iri);
        Assert.DoesNotContain(hubTeacher.Received, e => e.AnnotationIri == note.Iri);
    }

    [Fact]
    public async Task A_student_who_has_posted_only_teachers_can_read_still_opens_the_discussion()
    {
        var room = await app.CreateClassroomAsync();
        await app.SetPostFirstAsync(room.DocumentId);
        var byB = await PostAsync(room, room.StudentB, room.Comment("class struggles", Text("B")));
        await AssertSeesExactlyAsync(room.StudentA, room, []);

        var forTeachers = await PostAsync(room, room.StudentA, room.Comment("Pope and Tsar", Text("for the teachers"), "teachers"));

        await AssertSeesExactlyAsync(room.StudentA, room, [byB, forTeachers]);
    }

    private sealed record Posted(string Iri, string Text);

    private static string Text(string what) => $"{what} {Guid.NewGuid():N}";

    private static async Task<Posted> PostAsync(Classroom room, ApiUser author, JsonObject annotation)
    {
        var created = await author.CreateAnnotationAsync(room.DocumentId, annotation);
        return new Posted(created.Iri(), created.CommentText() ?? "");
    }

    private static JsonObject Feedback(Classroom room, string passage, ApiUser student, string text)
    {
        var feedback = room.Comment(passage, text);
        feedback["motivation"] = "assessing";
        feedback["addressee"] = student.Id;
        return feedback;
    }

    /// <summary>The collection lists exactly these, and its total says how many: nothing more.</summary>
    private static async Task AssertSeesExactlyAsync(ApiUser reader, Classroom room, Posted[] expected)
    {
        var collection = await reader.GetCollectionAsync(room.DocumentId);
        var iris = collection.GetProperty("first").GetProperty("items").EnumerateArray().Select(i => i.Iri()).Order().ToList();
        Assert.Equal(expected.Select(p => p.Iri).Order(), iris);
        Assert.Equal(expected.Length, collection.GetProperty("total").GetInt32());
    }
}
