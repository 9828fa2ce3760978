using System.Net;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests.Search;

/// <summary>GET /api/search (contract §6, docs/api.md "Search"): what each term finds, the shape of the answer, paging and refusals.</summary>
[EngineSpecific]
public sealed class SearchApiTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Words_find_comments_and_quotes_newest_first_with_the_passage_in_context()
    {
        var room = await app.CreateClassroomAsync();
        var older = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", "Who were the **Metternich** people?"));
        var newer = await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Marx says metternich again"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("nothing to lose", "Unrelated"));

        var answer = await room.StudentA.SearchAsync(room.SeminarId, "metternich");

        Assert.Equal(2, answer.GetProperty("total").GetInt32());
        var items = answer.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([newer.Iri(), older.Iri()], items.Select(i => i.GetProperty("annotation").GetProperty("id").GetString()));
        var first = items[0];
        Assert.Equal(room.DocumentId, first.GetProperty("documentId").GetInt32());
        Assert.Equal("The Manifesto", first.GetProperty("documentTitle").GetString());
        Assert.Equal("class struggles", first.GetProperty("passage").GetString());
        Assert.Equal(2, first.GetProperty("paragraph").GetInt32());
        Assert.Equal("The history of all hitherto existing society is the history of ", first.GetProperty("context").GetProperty("before").GetString());
        Assert.Equal(".", first.GetProperty("context").GetProperty("after").GetString());
        // The annotation as every endpoint writes it.
        Assert.Equal("Marx says metternich again", first.GetProperty("annotation").CommentText());

        // A quote's words find its thread too.
        Assert.Equal([older.Iri()], await room.StudentA.FoundAsync(room.SeminarId, "\"holy alliance\""));
    }

    [Fact]
    public async Task Each_field_narrows_and_a_minus_negates_it()
    {
        var (room, c, _, _) = await app.CreateGroupedClassroomAsync();
        var secondDocument = await app.AddDocumentAsync(room.Teacher, room.SeminarId, "Second reading", SampleTexts.Manifesto);
        var byA = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", "alpha from A", tags: ["Context"]));
        var question = room.Comment("class struggles", "alpha question from C");
        question["motivation"] = "questioning";
        var byC = await c.CreateAnnotationAsync(room.DocumentId, question);
        var onSecond = await room.Teacher.CreateAnnotationAsync(secondDocument, AnnotationJson.Comment(app.DocumentIri(secondDocument), SampleTexts.Manifesto,
            "nothing to lose", "alpha by the teacher", tags: ["close reading"]));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(byA.Iri(), "alpha reply from B"));
        await (await room.Teacher.Http.PostAsync(byA.Iri() + "/resolved", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        async Task<string[]> Found(string q, ApiUser? who = null) =>
            (await (who ?? room.StudentA).FoundAsync(room.SeminarId, q)).Order().ToArray();
        string[] Ids(params JsonElement[] annotations) => annotations.Select(a => a.Iri()).Order().ToArray();

        Assert.Equal(Ids(byA, byC, onSecond, reply), await Found("alpha"));
        Assert.Equal(Ids(byC), await Found("alpha user:student.c"));
        Assert.Equal(Ids(byA, onSecond, reply), await Found("alpha -user:student.c"));
        Assert.Equal(Ids(byA, reply), await Found("alpha group:\"group one\""));
        Assert.Equal(Ids(byC, onSecond), await Found("alpha -group:\"Group one\""));
        Assert.Equal(Ids(byA), await Found("tag:context"));
        Assert.Equal(Ids(onSecond), await Found("tag:\"Close Reading\""));
        Assert.Empty(await Found("tag:close"));
        Assert.Equal(Ids(byC, onSecond, reply), await Found("alpha -tag:context"));
        Assert.Equal(Ids(onSecond), await Found("alpha doc:second"));
        Assert.Equal(Ids(byA, byC, reply), await Found("alpha -doc:\"Second reading\""));
        Assert.Equal(Ids(byA), await Found("quote:alliance"));
        Assert.Equal(Ids(byC), await Found("is:question"));
        Assert.Equal(Ids(byC), await Found("is:unanswered"));
        Assert.Equal(Ids(byA, reply), await Found("is:resolved"));
        Assert.Equal(Ids(byC, onSecond), await Found("alpha -is:resolved"));
        Assert.Equal(Ids(byA), await Found("is:mine"));
        Assert.Equal(Ids(reply), await Found("is:mine", room.StudentB));
        Assert.Equal(Ids(onSecond), await Found("alpha -from"));
        Assert.Equal(Ids(byA, reply), await Found("alpha -\"question from\" -teacher"));
        // A name that matches nobody finds nothing, and negated excludes nothing.
        Assert.Empty(await Found("alpha user:nobody"));
        Assert.Equal(Ids(byA, byC, onSecond, reply), await Found("alpha -user:nobody"));

        // A reply alone does not answer it; the asker (or a teacher) marking it answered does.
        await c.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(byC.Iri(), "answering myself"));
        Assert.Equal(Ids(byC), await Found("is:unanswered"));
        await (await c.Http.PostAsync(byC.Iri() + "/answered", null)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Empty(await Found("is:unanswered"));
        Assert.Equal(Ids(byC), await Found("is:question -is:unanswered"));
    }

    [Fact]
    public async Task Words_match_whole_ignoring_case_and_markdown_but_not_link_addresses()
    {
        var room = await app.CreateClassroomAsync();
        var linked = await room.StudentA.CreateAnnotationAsync(room.DocumentId,
            room.Comment("holy alliance", "See **the Congress** of [Vienna](https://example.org/congress-history)"));

        Assert.Equal([linked.Iri()], await room.StudentA.FoundAsync(room.SeminarId, "CONGRESS vienna"));
        Assert.Equal([linked.Iri()], await room.StudentA.FoundAsync(room.SeminarId, "\"the congress of vienna\""));
        Assert.Empty(await room.StudentA.FoundAsync(room.SeminarId, "example"));
        Assert.Empty(await room.StudentA.FoundAsync(room.SeminarId, "congres"));
    }

    [Fact]
    public async Task Pages_follow_limit_and_offset_with_a_link_to_the_next()
    {
        var room = await app.CreateClassroomAsync();
        var posted = new List<string>();
        for (var i = 0; i < 5; i++)
            posted.Add((await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", $"paging note {i}"))).Iri());
        posted.Reverse();

        var first = await room.StudentA.SearchAsync(room.SeminarId, "paging", "&limit=2");
        var next = first.GetProperty("next").GetString()!;
        var second = await (await room.StudentA.Http.GetAsync(next)).JsonAsync();
        var last = await room.StudentA.SearchAsync(room.SeminarId, "paging", "&limit=2&offset=4");

        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(posted[..2], Ids(first));
        Assert.Contains("offset=2", next);
        Assert.Equal(posted[2..4], Ids(second));
        Assert.Equal(posted[4..], Ids(last));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        Assert.Empty(Ids(await room.StudentA.SearchAsync(room.SeminarId, "paging", "&offset=10")));

        static List<string> Ids(JsonElement page) =>
            page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("annotation").GetProperty("id").GetString()!).ToList();
    }

    [Theory]
    [InlineData("", "Type a word")]
    [InlineData("foo:bar", "There is no field \"foo:\"")]
    [InlineData("is:closed", "is:question, is:unanswered, is:resolved or is:mine")]
    [InlineData("user:", "needs a value")]
    public async Task Bad_searches_answer_400_with_a_sentence(string q, string expected)
    {
        var room = await app.CreateClassroomAsync();

        var detail = await (await room.StudentA.GetSearchAsync(room.SeminarId, q)).ProblemDetailAsync(HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail);
    }

    [Fact]
    public async Task A_search_too_long_or_a_page_too_big_answers_400()
    {
        var room = await app.CreateClassroomAsync();

        Assert.Contains("at most 500 characters", await (await room.StudentA.GetSearchAsync(room.SeminarId, new string('w', 501)))
            .ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("limit must be between 1 and 100", await (await room.StudentA.GetSearchAsync(room.SeminarId, "marx", "&limit=101"))
            .ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("limit must be a whole number", await (await room.StudentA.GetSearchAsync(room.SeminarId, "marx", "&limit=ten"))
            .ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("offset must be between 0 and 10,000", await (await room.StudentA.GetSearchAsync(room.SeminarId, "marx", "&offset=-1"))
            .ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("Say which seminar to search", await (await room.StudentA.Http.GetAsync("/api/search?q=marx"))
            .ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_seminar_the_caller_is_not_in_answers_404_like_one_that_does_not_exist()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", "secret plans"));

        var outsider = await (await room.Outsider.GetSearchAsync(room.SeminarId, "secret")).ProblemDetailAsync(HttpStatusCode.NotFound);
        var missing = await (await room.Outsider.GetSearchAsync(999_999, "secret")).ProblemDetailAsync(HttpStatusCode.NotFound);

        Assert.Equal(missing, outsider);
    }

    [Fact]
    public async Task Signed_out_callers_get_401()
    {
        var response = await app.CreateApiClient().GetAsync("/api/search?q=marx&seminar=1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
