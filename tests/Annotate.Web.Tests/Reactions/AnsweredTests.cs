using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Reactions;

/// <summary>Questions marked answered: by whom, on what, naming which reply, and who learns which reply it was.</summary>
public sealed class AnsweredTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static Task<HttpResponseMessage> MarkAsync(ApiUser user, string iri, string? reply = null) =>
        reply is null ? user.Http.PostAsync($"{iri}/answered", null) : user.Http.PostAsJsonAsync($"{iri}/answered", new { reply });

    [Fact]
    public async Task The_asker_or_a_teacher_marks_a_question_answered_and_others_may_not()
    {
        var room = await app.CreateClassroomAsync();
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, ReactionTests.Question(room, "class struggles"));
        Assert.False(question.GetProperty("answered").GetBoolean());

        Assert.Contains("person who asked or a teacher", await (await MarkAsync(room.StudentB, question.Iri())).ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.True((await (await MarkAsync(room.StudentA, question.Iri())).JsonAsync()).GetProperty("answered").GetBoolean());
        Assert.False((await (await room.Teacher.Http.DeleteAsync($"{question.Iri()}/answered")).JsonAsync()).GetProperty("answered").GetBoolean());
        Assert.True((await (await MarkAsync(room.Teacher, question.Iri())).JsonAsync()).GetProperty("answered").GetBoolean());
        Assert.Contains("person who asked or a teacher", await (await room.StudentB.Http.DeleteAsync($"{question.Iri()}/answered")).ProblemDetailAsync(HttpStatusCode.Forbidden));
        Assert.True((await (await room.StudentB.GetAnnotationAsync(question.Iri())).JsonAsync()).GetProperty("answered").GetBoolean());
        await (await MarkAsync(room.Outsider, question.Iri())).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_a_question_can_be_answered()
    {
        var room = await app.CreateClassroomAsync();
        var comment = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A comment"));
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, ReactionTests.Question(room, "Pope and Tsar"));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(question.Iri(), "Because."));

        Assert.Contains("Only a question", await (await MarkAsync(room.StudentA, comment.Iri())).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Only a question", await (await MarkAsync(room.Teacher, reply.Iri())).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.False(comment.TryGetProperty("answered", out _));
    }

    [Fact]
    public async Task The_reply_that_answered_is_named_and_must_be_one_of_the_thread_that_the_caller_sees()
    {
        var room = await app.CreateClassroomAsync();
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, ReactionTests.Question(room, "class struggles"));
        var other = await room.StudentA.CreateAnnotationAsync(room.DocumentId, ReactionTests.Question(room, "Pope and Tsar"));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(question.Iri(), "Because of history."));
        var elsewhere = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(other.Iri(), "Another thread."));

        foreach (var forged in new[] { elsewhere.Iri(), question.Iri(), $"{app.Origin}/api/annotations/{Guid.NewGuid()}" })
            Assert.Equal(AnnotationService.NoSuchAnswer, await (await MarkAsync(room.StudentA, question.Iri(), forged)).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("its id, or its IRI", await (await MarkAsync(room.StudentA, question.Iri(), "not an id")).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.False((await (await room.StudentA.GetAnnotationAsync(question.Iri())).JsonAsync()).GetProperty("answered").GetBoolean());

        var marked = await (await MarkAsync(room.StudentA, question.Iri(), reply.Iri())).JsonAsync();
        Assert.Equal(reply.Iri(), marked.GetProperty("answer").GetString());
        Assert.Equal(reply.Iri(), (await (await room.StudentB.GetAnnotationAsync(question.Iri())).JsonAsync()).GetProperty("answer").GetString());

    }

    [Fact]
    public async Task Deleting_the_reply_marked_as_the_answer_opens_the_question_again_for_every_reader_live()
    {
        var room = await app.CreateClassroomAsync();
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, ReactionTests.Question(room, "class struggles"));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(question.Iri(), "Because of history."));
        var other = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(question.Iri(), "And of economics."));
        await (await MarkAsync(room.StudentA, question.Iri(), reply.Iri())).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var hubs = new[] { await app.ConnectHubAsync(room.StudentA), await app.ConnectHubAsync(room.Teacher) };
        foreach (var hub in hubs) await hub.JoinAsync(room.DocumentId);

        // Another reply going leaves the mark alone.
        await (await room.StudentB.DeleteAnnotationAsync(other.Iri())).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        Assert.True((await (await room.StudentA.GetAnnotationAsync(question.Iri())).JsonAsync()).GetProperty("answered").GetBoolean());

        // The answer going takes the mark with it: the question is open again, for everyone, at once.
        await (await room.StudentB.DeleteAnnotationAsync(reply.Iri())).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        foreach (var hub in hubs)
        {
            var live = (await hub.WaitForAsync(HubListener.Updated, question.Iri())).Payload;
            Assert.False(live.GetProperty("answered").GetBoolean());
            Assert.False(live.TryGetProperty("answer", out _));
        }
        var after = await (await room.StudentA.GetAnnotationAsync(question.Iri())).JsonAsync();
        Assert.False(after.GetProperty("answered").GetBoolean());
        Assert.False(after.TryGetProperty("answer", out _));
        Assert.Equal([question.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "is:unanswered"));
    }

    [Fact]
    public async Task An_answer_deleted_with_its_authors_account_opens_the_question_again_live()
    {
        var room = await app.CreateClassroomAsync();
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, ReactionTests.Question(room, "class struggles"));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(question.Iri(), "Because of history."));
        await (await MarkAsync(room.StudentA, question.Iri(), reply.Iri())).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var hub = await app.ConnectHubAsync(room.StudentA);
        await hub.JoinAsync(room.DocumentId);

        await (await room.StudentB.DeleteAccountAsync()).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.False((await hub.WaitForAsync(HubListener.Updated, question.Iri())).Payload.GetProperty("answered").GetBoolean());
        Assert.False((await (await room.StudentA.GetAnnotationAsync(question.Iri())).JsonAsync()).GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task An_answer_hidden_from_a_reader_is_not_named_to_them()
    {
        var room = await app.CreateClassroomAsync();
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, ReactionTests.Question(room, "class struggles"));
        var feedback = AnnotationJson.Reply(question.Iri(), "For you alone: read chapter two.");
        feedback["motivation"] = "assessing";
        var forAsker = await room.Teacher.CreateAnnotationAsync(room.DocumentId, feedback);
        var hub = await app.ConnectHubAsync(room.StudentB);
        await hub.JoinAsync(room.DocumentId);

        await (await MarkAsync(room.StudentA, question.Iri(), forAsker.Iri())).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var toB = (await hub.WaitForAsync(HubListener.Updated, question.Iri())).Payload;
        var byApi = await (await room.StudentB.GetAnnotationAsync(question.Iri())).JsonAsync();
        var byCollection = (await room.StudentB.GetCollectionAsync(room.DocumentId)).GetProperty("first").GetProperty("items").EnumerateArray().Single(a => a.Iri() == question.Iri());
        foreach (var seen in new[] { toB, byApi, byCollection })
        {
            Assert.True(seen.GetProperty("answered").GetBoolean());
            Assert.False(seen.TryGetProperty("answer", out _));
        }
        Assert.DoesNotContain(forAsker.Iri()[(forAsker.Iri().LastIndexOf('/') + 1)..], toB.GetRawText());
        Assert.Equal(forAsker.Iri(), (await (await room.Teacher.GetAnnotationAsync(question.Iri())).JsonAsync()).GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Answered_questions_leave_is_unanswered_in_search()
    {
        var room = await app.CreateClassroomAsync();
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, ReactionTests.Question(room, "class struggles"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(question.Iri(), "A reply is not an answer yet."));

        Assert.Equal([question.Iri()], await room.StudentB.FoundAsync(room.SeminarId, "is:unanswered"));
        await (await MarkAsync(room.Teacher, question.Iri())).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Empty(await room.StudentB.FoundAsync(room.SeminarId, "is:unanswered"));
    }
}
