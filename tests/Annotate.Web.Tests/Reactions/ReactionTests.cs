using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annotate.Data;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.Web.Tests.Reactions;

/// <summary>Reactions over time: given twice, taken back, live to every reader with their own, and gone with a member who leaves.</summary>
public sealed class ReactionTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    internal static JsonObject Question(Classroom room, string exact, string body = "Why does this matter?", string visibility = "seminar")
    {
        var question = room.Comment(exact, body, visibility);
        question["motivation"] = "questioning";
        return question;
    }

    private static async Task<JsonElement> ReactAsync(ApiUser user, string iri, string kind, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await user.Http.PostAsync($"{iri}/reactions/{kind}", null)).JsonAsync(expected);

    private static int Count(JsonElement annotation, string kind) => annotation.GetProperty("reactions").GetProperty(kind).GetInt32();

    [Fact]
    public async Task Reacting_twice_counts_once_and_taking_it_back_twice_is_fine()
    {
        var room = await app.CreateClassroomAsync();
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, Question(room, "class struggles"));

        await ReactAsync(room.StudentB, question.Iri(), "upvote");
        var twice = await ReactAsync(room.StudentB, question.Iri(), "upvote");
        var same = await ReactAsync(room.Teacher, question.Iri(), "same-question");

        Assert.Equal(1, Count(twice, "upvote"));
        Assert.Equal(["upvote"], twice.GetProperty("myReactions").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(1, Count(same, "same-question"));
        Assert.Equal(["same-question"], same.GetProperty("myReactions").EnumerateArray().Select(k => k.GetString()));
        var seenByAsker = await (await room.StudentA.GetAnnotationAsync(question.Iri())).JsonAsync();
        Assert.Equal((1, 1), (Count(seenByAsker, "upvote"), Count(seenByAsker, "same-question")));
        Assert.Empty(seenByAsker.GetProperty("myReactions").EnumerateArray());

        for (var time = 0; time < 2; time++)
            Assert.Equal(0, Count(await (await room.StudentB.Http.DeleteAsync($"{question.Iri()}/reactions/upvote")).JsonAsync(), "upvote"));
    }

    [Fact]
    public async Task A_reaction_does_not_change_the_authors_ETag()
    {
        var room = await app.CreateClassroomAsync();
        var response = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A comment"));
        var etag = response.Headers.ETag!.ToString();
        var comment = await response.JsonAsync(HttpStatusCode.Created);

        await ReactAsync(room.StudentB, comment.Iri(), "upvote");

        Assert.Equal(etag, (await room.StudentA.GetAnnotationAsync(comment.Iri())).Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Same_question_only_on_someone_elses_question_and_no_upvote_of_ones_own()
    {
        var room = await app.CreateClassroomAsync();
        var comment = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A comment"));
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, Question(room, "Pope and Tsar"));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(question.Iri(), "A reply"));

        Assert.Contains("goes on a question", await (await room.StudentB.Http.PostAsync($"{comment.Iri()}/reactions/same-question", null)).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("goes on a question", await (await room.StudentA.Http.PostAsync($"{reply.Iri()}/reactions/same-question", null)).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("your own question", await (await room.StudentA.Http.PostAsync($"{question.Iri()}/reactions/same-question", null)).ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("not your own", await (await room.StudentA.Http.PostAsync($"{comment.Iri()}/reactions/upvote", null)).ProblemDetailAsync(HttpStatusCode.BadRequest));
        // A reply can be upvoted by others.
        Assert.Equal(1, Count(await ReactAsync(room.StudentA, reply.Iri(), "upvote"), "upvote"));
        // Nothing was stored by the refusals.
        var stored = await (await room.Teacher.GetAnnotationAsync(question.Iri())).JsonAsync();
        Assert.Equal((0, 0), (Count(stored, "upvote"), Count(stored, "same-question")));
    }

    [Fact]
    public async Task Reactions_reach_hub_readers_live_each_with_their_own()
    {
        var room = await app.CreateClassroomAsync();
        var question = await room.StudentA.CreateAnnotationAsync(room.DocumentId, Question(room, "class struggles"));
        var reactorHub = await app.ConnectHubAsync(room.StudentB);
        var askerHub = await app.ConnectHubAsync(room.StudentA);
        await reactorHub.JoinAsync(room.DocumentId);
        await askerHub.JoinAsync(room.DocumentId);

        await ReactAsync(room.StudentB, question.Iri(), "same-question");

        var toReactor = (await reactorHub.WaitForAsync(HubListener.Updated, question.Iri())).Payload;
        var toAsker = (await askerHub.WaitForAsync(HubListener.Updated, question.Iri())).Payload;
        Assert.Equal(1, Count(toReactor, "same-question"));
        Assert.Equal(1, Count(toAsker, "same-question"));
        Assert.Equal(["same-question"], toReactor.GetProperty("myReactions").EnumerateArray().Select(k => k.GetString()));
        Assert.Empty(toAsker.GetProperty("myReactions").EnumerateArray());
    }

    [Fact]
    public async Task A_removed_member_is_neither_counted_nor_named_and_cannot_react()
    {
        var room = await app.CreateClassroomAsync();
        var comment = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A comment"));
        await ReactAsync(room.StudentB, comment.Iri(), "upvote");
        await ReactAsync(room.Teacher, comment.Iri(), "upvote");

        await (await room.Teacher.Http.DeleteAsync($"/api/seminars/{room.SeminarId}/members/{room.StudentB.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var seen = await (await room.StudentA.GetAnnotationAsync(comment.Iri())).JsonAsync();
        Assert.Equal(1, Count(seen, "upvote"));
        var who = await (await room.StudentA.Http.GetAsync($"{comment.Iri()}/reactions")).JsonAsync();
        Assert.Equal([room.Teacher.DisplayName], who.GetProperty("upvote").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        await (await room.StudentB.Http.PostAsync($"{comment.Iri()}/reactions/upvote", null)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await (await room.StudentB.Http.DeleteAsync($"{comment.Iri()}/reactions/upvote")).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_an_account_takes_its_reactions_and_readers_hear_the_counts_drop()
    {
        var room = await app.CreateClassroomAsync();
        var comment = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A comment"));
        await ReactAsync(room.StudentB, comment.Iri(), "upvote");
        var hub = await app.ConnectHubAsync(room.StudentA);
        await hub.JoinAsync(room.DocumentId);

        await room.StudentB.DeleteAccountOkAsync();

        Assert.Equal(0, Count((await hub.WaitForAsync(HubListener.Updated, comment.Iri())).Payload, "upvote"));
        Assert.Equal(0, Count(await (await room.StudentA.GetAnnotationAsync(comment.Iri())).JsonAsync(), "upvote"));
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContext();
        Assert.False(db.Reactions.Any(r => r.UserId == room.StudentB.Id));
    }
}
