using Annotate.Web.Features;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annotate.Web.Features.Import;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Annotate.Web.Tests.Infrastructure.ImportJson;

namespace Annotate.Web.Tests;

/// <summary>
/// <c>POST /api/documents/{id}/import</c>: W3C JSON-LD and Hypothesis API files, placed by quote on the
/// document's current text, owned by the importer and attributed to their writers, never twice.
/// </summary>
public sealed class ImportTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Text = SampleTexts.Manifesto;
    private const string Spectre = "A spectre is haunting Europe";
    private const string History = "The history of all hitherto existing society";
    private const string Chains = "nothing to lose but their chains";

    private Task<long> CountAsync(int documentId) =>
        app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id", ("$id", documentId));

    [Fact]
    public async Task A_W3C_collection_is_placed_owned_by_the_importer_and_attributed_to_its_writers()
    {
        var room = await app.CreateClassroomAsync();
        var file = Collection(
            W3c("https://texts.example.org/anno/1", Text, Spectre, "Gothic opening.", "Ada Lovelace", "2024-03-01T10:00:00Z", "style"),
            W3c("https://texts.example.org/anno/2", Text, History, "The famous thesis.", "Grace Hopper", "2024-03-04T08:15:00Z"));

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.Equal("placed 2, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        var imported = report.ImportedIris();
        Assert.Equal(2, imported.Count);
        var seen = (await room.StudentB.GetCollectionAsync(room.DocumentId)).ItemsById();
        var first = seen[imported[0]];
        Assert.Equal(Spectre, first.Exact());
        Assert.Equal(AnnotationJson.CodePoints(Text[..Text.IndexOf(Spectre, StringComparison.Ordinal)]), first.Position().Start);
        Assert.Equal("Gothic opening.", first.CommentText());
        Assert.Equal(["style"], first.Tags());
        Assert.Equal(room.DocumentIri, first.GetProperty("target").GetProperty("source").GetString());
        Assert.Equal($"{app.Origin}/api/users/{room.StudentA.Id}", first.GetProperty("creator").GetProperty("id").GetString());
        Assert.Equal(room.StudentA.DisplayName, first.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal("Ada Lovelace", first.GetProperty("attributedTo").GetString());
        Assert.Equal("2024-03-01T10:00:00.000Z", first.GetProperty("created").GetString());
        Assert.Equal("seminar", first.GetProperty("visibility").GetString());
        Assert.Equal("Grace Hopper", seen[imported[1]].GetProperty("attributedTo").GetString());
        Assert.Equal(2, await app.Database.CountAsync(
            "SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id AND AuthorId = $author AND AttributedTo IS NOT NULL",
            ("$id", room.DocumentId), ("$author", room.StudentA.Id)));
    }

    public static TheoryData<string> Wrappers => ["collection first.items", "collection items", "page", "array", "single"];

    [Theory]
    [MemberData(nameof(Wrappers))]
    public async Task Every_W3C_wrapper_is_read(string wrapper)
    {
        var room = await app.CreateClassroomAsync();
        var annotation = W3c("urn:x:1", Text, Chains, "Still true?");
        JsonNode file = wrapper switch
        {
            "collection first.items" => Collection(annotation),
            "collection items" => new JsonObject { ["type"] = "AnnotationCollection", ["items"] = new JsonArray(annotation) },
            "page" => new JsonObject { ["type"] = "AnnotationPage", ["items"] = new JsonArray(annotation) },
            "array" => new JsonArray(annotation),
            _ => annotation,
        };

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.Equal("placed 1, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        Assert.Equal(1, await CountAsync(room.DocumentId));
    }

    [Fact]
    public async Task A_W3C_array_puts_replies_in_their_thread_even_when_they_come_before_it()
    {
        var room = await app.CreateClassroomAsync();
        var file = new JsonArray(
            W3cReply("urn:x:reply-to-reply", "urn:x:reply", "Older than 1848, even."),
            W3cReply("urn:x:reply", "urn:x:root", "Which slogan?"),
            W3c("urn:x:root", Text, Chains, "The slogan."));

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.Equal("placed 3, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        var items = (await room.StudentB.GetCollectionAsync(room.DocumentId)).ItemsById();
        var root = items.Values.Single(i => i.CommentText() == "The slogan.");
        var reply = items.Values.Single(i => i.CommentText() == "Which slogan?");
        var nested = items.Values.Single(i => i.CommentText() == "Older than 1848, even.");
        Assert.Equal(root.Iri(), reply.GetProperty("target").GetString());
        Assert.Equal(reply.Iri(), nested.GetProperty("target").GetString());
        Assert.Equal("replying", reply.GetProperty("motivation").GetString());
        Assert.Equal("Grace Hopper", reply.GetProperty("attributedTo").GetString());
        // Threads come before their replies in the answer.
        Assert.Equal([root.Iri(), reply.Iri(), nested.Iri()], report.ImportedIris());
    }

    [Fact]
    public async Task Hypothesis_rows_become_threads_and_references_make_replies()
    {
        var room = await app.CreateClassroomAsync();
        var file = HypothesisRows(
            Hypothesis("hX1", Text, History, "Class struggle as the *motor* of history.", tags: ["thesis", "history"]),
            Hypothesis("hX2", Text, null, "Not every society, surely.", user: "acct:grace@hypothes.is", displayName: null, references: ["hX1"]),
            Hypothesis("hX3", Text, null, "Engels' footnote says so.", references: ["hX1", "hX2"]),
            Hypothesis("hX4", Text, Spectre, "", tags: ["opening"]),
            Hypothesis("hX5", Text, Chains, "My own note.", onlyMe: true));

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.Equal("placed 5, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        var mine = (await room.StudentA.GetCollectionAsync(room.DocumentId)).ItemsById().Values.ToList();
        var root = mine.Single(i => i.CommentText() == "Class struggle as the *motor* of history.");
        Assert.Equal(History, root.Exact());
        Assert.Equal(["thesis", "history"], root.Tags());
        Assert.Equal("Ada Lovelace", root.GetProperty("attributedTo").GetString());
        Assert.Equal("2023-11-05T14:48:00.123Z", root.GetProperty("created").GetString());
        var reply = mine.Single(i => i.CommentText() == "Not every society, surely.");
        Assert.Equal(root.Iri(), reply.GetProperty("target").GetString());
        Assert.Equal("grace@hypothes.is", reply.GetProperty("attributedTo").GetString());
        Assert.Equal(reply.Iri(), mine.Single(i => i.CommentText() == "Engels' footnote says so.").GetProperty("target").GetString());
        var highlight = mine.Single(i => i.Tags().SequenceEqual(["opening"]));
        Assert.Equal("highlighting", highlight.GetProperty("motivation").GetString());
        // A note only its writer could read on Hypothesis stays private here.
        var privateNote = mine.Single(i => i.CommentText() == "My own note.");
        Assert.Equal("private", privateNote.GetProperty("visibility").GetString());
        Assert.DoesNotContain(privateNote.Iri(), await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId));
    }

    [Fact]
    public async Task A_quote_with_a_small_change_is_placed_fuzzily_on_the_words_of_this_text()
    {
        var room = await app.CreateClassroomAsync();
        var at = AnnotationJson.CodePoints(Text[..Text.IndexOf(History, StringComparison.Ordinal)]);
        var file = new JsonArray(W3cQuote("urn:x:fuzzy", "The history of all hitherto existing societies", at,
            prefix: "German police-spies.\n\n", suffix: " is the history of class struggles"));

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.Equal("placed 0, fuzzy 1, orphaned 0, skipped 0, rejected 0", report.Counts());
        var stored = (await room.StudentA.GetCollectionAsync(room.DocumentId)).ItemsById()[report.ImportedIris()[0]];
        Assert.Equal(History, stored.Exact());
        Assert.Equal(at, stored.Position().Start);
    }

    [Fact]
    public async Task Each_rejection_names_the_item_and_says_why_while_the_rest_is_imported()
    {
        var room = await app.CreateClassroomAsync();
        var noSelector = W3c("urn:x:no-selector", Text, Chains, "Where?");
        noSelector["target"] = new JsonObject { ["source"] = ElsewhereSource };
        var unknownMotivation = W3c("urn:x:bookmark", Text, Chains, "Later.");
        unknownMotivation["motivation"] = "bookmarking";
        var tooLong = W3c("urn:x:long", Text, Chains, new string('x', 20_001));
        var feedback = W3c("urn:x:feedback", Text, Chains, "Good reading.");
        feedback["motivation"] = "assessing";
        var file = new JsonArray(
            noSelector,
            unknownMotivation,
            tooLong,
            JsonValue.Create(42),
            W3cReply("urn:x:stray-reply", "https://texts.example.org/anno/not-here", "To what?"),
            feedback,
            W3cReply("urn:x:reply-to-rejected", "urn:x:long", "Too long indeed."),
            W3c("urn:x:fine", Text, Chains, "Fine."));

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.Equal("placed 1, fuzzy 0, orphaned 0, skipped 0, rejected 7", report.Counts());
        var reasons = report.GetProperty("rejected").EnumerateArray()
            .ToDictionary(r => r.GetProperty("index").GetInt32(), r => (Id: r.GetProperty("id").GetString(), Reason: r.GetProperty("reason").GetString()!));
        Assert.Equal(("urn:x:no-selector", true), (reasons[0].Id, reasons[0].Reason.Contains("no selector")));
        Assert.Equal(("urn:x:bookmark", true), (reasons[1].Id, reasons[1].Reason.Contains("Unknown motivation \"bookmarking\"")));
        Assert.Equal(("urn:x:long", true), (reasons[2].Id, reasons[2].Reason.Contains("the limit is 20,000")));
        Assert.Equal(((string?)null, true), (reasons[3].Id, reasons[3].Reason.Contains("not a JSON object")));
        Assert.Equal(("urn:x:stray-reply", true), (reasons[4].Id, reasons[4].Reason.Contains("neither in this file nor on this document")));
        Assert.Equal(("urn:x:feedback", true), (reasons[5].Id, reasons[5].Reason.Contains("feedback")));
        Assert.Equal(("urn:x:reply-to-rejected", true), (reasons[6].Id, reasons[6].Reason.Contains("which was not imported")));
        Assert.All(reasons.Values, r => Assert.EndsWith(".", r.Reason));
        Assert.Equal(1, await CountAsync(room.DocumentId));
    }

    [Fact]
    public async Task Replies_in_a_circle_are_rejected_a_quote_that_could_be_anywhere_is_kept_as_an_orphan_and_a_repeat_in_the_file_counts_once()
    {
        var room = await app.CreateClassroomAsync();
        var anywhere = W3cQuote("urn:x:anywhere", "spectre", 0);
        ((JsonObject)anywhere["target"]!).Remove("selector");
        anywhere["target"]!["selector"] = new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = "spectre" };
        var file = new JsonArray(
            W3cReply("urn:x:a", "urn:x:b", "After b."),
            W3cReply("urn:x:b", "urn:x:a", "After a."),
            anywhere,
            W3c("urn:x:once", Text, Chains, "Once."),
            W3c("urn:x:once", Text, Chains, "Once."));

        var report = await room.StudentA.ImportAsync(room.DocumentId, file);

        Assert.Equal("placed 1, fuzzy 0, orphaned 1, skipped 1, rejected 2", report.Counts());
        var reasons = report.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("reason").GetString()!).ToList();
        Assert.Contains("answer each other in a circle", reasons[0]);
        // Orphan rather than guess: its importer attaches it to the occurrence it means.
        var orphan = Assert.Single(report.GetProperty("orphans").EnumerateArray());
        Assert.Contains("occurs 3 times in this text and its selectors do not say which one is meant", orphan.GetProperty("reason").GetString());
        Assert.Equal(2, await CountAsync(room.DocumentId));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_adds_nothing_the_second_time()
    {
        var room = await app.CreateClassroomAsync();
        var withoutId = W3c("unused", Text, Spectre, "No id in the source.");
        withoutId.Remove("id");
        var w3c = new JsonArray(W3c("urn:x:1", Text, Chains, "One."), W3cReply("urn:x:2", "urn:x:1", "Two."), withoutId);
        var hypothesis = HypothesisRows(Hypothesis("hY1", Text, History, "Three."), Hypothesis("hY2", Text, null, "Four.", references: ["hY1"]));
        Assert.Equal("placed 3, fuzzy 0, orphaned 0, skipped 0, rejected 0", (await room.StudentA.ImportAsync(room.DocumentId, w3c)).Counts());
        Assert.Equal("placed 2, fuzzy 0, orphaned 0, skipped 0, rejected 0", (await room.StudentA.ImportAsync(room.DocumentId, hypothesis)).Counts());

        var again = await room.StudentA.ImportAsync(room.DocumentId, w3c);
        var hypothesisAgain = await room.StudentA.ImportAsync(room.DocumentId, hypothesis);

        Assert.Equal("placed 0, fuzzy 0, orphaned 0, skipped 3, rejected 0", again.Counts());
        Assert.Equal("placed 0, fuzzy 0, orphaned 0, skipped 2, rejected 0", hypothesisAgain.Counts());
        Assert.Empty(again.ImportedIris());
        Assert.Equal(5, await CountAsync(room.DocumentId));
    }

    [Fact]
    public async Task A_file_extended_since_the_last_import_adds_only_the_new_reply_to_the_thread_imported_before()
    {
        var room = await app.CreateClassroomAsync();
        var first = await room.StudentA.ImportAsync(room.DocumentId, new JsonArray(W3c("urn:x:1", Text, Chains, "One.")));

        var report = await room.StudentA.ImportAsync(room.DocumentId,
            new JsonArray(W3c("urn:x:1", Text, Chains, "One."), W3cReply("urn:x:2", "urn:x:1", "Two, later.")));

        Assert.Equal("placed 1, fuzzy 0, orphaned 0, skipped 1, rejected 0", report.Counts());
        var reply = (await room.StudentB.GetCollectionAsync(room.DocumentId)).ItemsById()[report.ImportedIris()[0]];
        Assert.Equal(first.ImportedIris()[0], reply.GetProperty("target").GetString());
    }

    [Fact]
    public async Task The_visibility_asked_for_is_the_widest_an_imported_thread_gets()
    {
        var room = await app.CreateClassroomAsync();
        var teachersOnly = W3c("urn:x:teachers", Text, History, "For the teacher.");
        teachersOnly["visibility"] = "teachers";
        var file = new JsonArray(W3c("urn:x:plain", Text, Chains, "Plain."), teachersOnly);

        var forAll = await room.StudentA.ImportAsync(room.DocumentId, file);
        var room2 = await app.CreateClassroomAsync();
        var privately = await room2.StudentA.ImportAsync(room2.DocumentId, file, visibility: "private");

        var seenByClassmate = await room.StudentB.VisibleAnnotationIrisAsync(room.DocumentId);
        Assert.Equal([forAll.ImportedIris()[0]], seenByClassmate);
        Assert.Contains(forAll.ImportedIris()[1], await room.Teacher.VisibleAnnotationIrisAsync(room.DocumentId));
        Assert.Empty(await room2.StudentB.VisibleAnnotationIrisAsync(room2.DocumentId));
        Assert.Empty(await room2.Teacher.VisibleAnnotationIrisAsync(room2.DocumentId));
        Assert.Equal(2, privately.ImportedIris().Count);

        var unknown = await room.StudentA.PostImportAsync(room.DocumentId, file.ToJsonString(), visibility: "everyone");
        Assert.Contains("Unknown visibility", await unknown.ProblemDetailAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_document_the_caller_cannot_read_answers_404_and_stores_nothing()
    {
        var room = await app.CreateClassroomAsync();
        var file = new JsonArray(W3c("urn:x:1", Text, Chains, "One.")).ToJsonString();

        var outsider = await room.Outsider.PostImportAsync(room.DocumentId, file);
        var missing = await room.StudentA.PostImportAsync(999_999, file);

        Assert.Equal("There is no document with that id that you can read.", await outsider.ProblemDetailAsync(HttpStatusCode.NotFound));
        await missing.ProblemDetailAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await CountAsync(room.DocumentId));
        var anonymous = await app.CreateApiClient().PostAsync($"/api/documents/{room.DocumentId}/import", new StringContent(file));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("[{\"type\": \"Annotation\", ", "not valid JSON")]
    [InlineData("{\"title\": \"My notes\"}", "neither W3C Web Annotation JSON-LD")]
    [InlineData("\"just a string\"", "neither W3C Web Annotation JSON-LD")]
    [InlineData("{\"type\": \"AnnotationCollection\", \"first\": \"https://texts.example.org/annotations?page=0\"}", "only links to its pages")]
    [InlineData("{\"rows\": 3}", "\"rows\" must be the list")]
    public async Task A_file_that_is_no_import_answers_400_with_a_sentence_and_stores_nothing(string file, string expected)
    {
        var room = await app.CreateClassroomAsync();

        var response = await room.StudentA.PostImportAsync(room.DocumentId, file);

        Assert.Contains(expected, await response.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Equal(0, await CountAsync(room.DocumentId));
    }

    [Fact]
    public async Task Files_over_the_limits_are_refused_whole()
    {
        var room = await app.CreateClassroomAsync();
        var tooMany = "[" + string.Join(",", Enumerable.Repeat("{}", 10_001)) + "]";
        var tooLarge = "[" + new string(' ', 10 * 1024 * 1024) + "]";

        var many = await room.StudentA.PostImportAsync(room.DocumentId, tooMany);
        var large = await room.StudentA.PostImportAsync(room.DocumentId, tooLarge);

        Assert.Contains("at most 10,000", await many.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.Contains("larger than 10 MB", await large.ProblemDetailAsync(HttpStatusCode.RequestEntityTooLarge));
        // A stream of unknown length (the page's file picker) is read only up to the limit.
        var streamed = await app.Services.GetRequiredService<AnnotationImporter>()
            .ImportAsync(room.StudentA.Id, room.DocumentId, new MemoryStream(Encoding.UTF8.GetBytes(tooLarge)));
        Assert.Equal(Failure.TooLarge, streamed.Problem?.Failure);
        Assert.Equal(0, await CountAsync(room.DocumentId));
    }

    [Fact]
    public async Task An_imported_annotation_reaches_a_hub_listener_live()
    {
        var room = await app.CreateClassroomAsync();
        var listener = await app.ConnectHubAsync(room.StudentB);
        await listener.JoinAsync(room.DocumentId);

        var report = await room.StudentA.ImportAsync(room.DocumentId,
            new JsonArray(W3c("urn:x:1", Text, Chains, "Live."), W3cReply("urn:x:2", "urn:x:1", "Also live.")));

        var created = await listener.WaitForAsync(HubListener.Created, report.ImportedIris()[0]);
        Assert.Equal("Ada Lovelace", created.Payload.GetProperty("attributedTo").GetString());
        await listener.WaitForAsync(HubListener.Created, report.ImportedIris()[1]);
    }

    [Fact]
    public async Task A_JSON_LD_export_imported_into_a_copy_of_the_text_keeps_quotes_bodies_positions_and_threads()
    {
        var room = await app.CreateClassroomAsync();
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "Is this **still** true?", "seminar", "thesis"));
        var reply = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), "Ask the workers."));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(reply.Iri(), "Which ones?"));
        var highlight = room.Comment(Spectre, "", "seminar");
        highlight["motivation"] = "highlighting";
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, highlight);
        var export = await (await room.Teacher.Http.GetAsync($"/api/documents/{room.DocumentId}/export?format=jsonld")).JsonAsync();
        var copy = await app.AddDocumentAsync(room.Teacher, room.SeminarId, "The Manifesto (copy)", Text);

        var report = await room.Teacher.ImportAsync(copy, JsonNode.Parse(export.GetRawText())!);

        Assert.Equal("placed 4, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        var original = Shape(export, room.DocumentIri);
        var imported = Shape(await room.StudentA.GetCollectionAsync(copy), app.DocumentIri(copy));
        Assert.Equal(original, imported);
        var attributed = (await room.StudentA.GetCollectionAsync(copy)).ItemsById().Values
            .Select(i => i.GetProperty("attributedTo").GetString()).Order();
        Assert.Equal(new[] { room.StudentA.DisplayName, room.StudentA.DisplayName, room.StudentB.DisplayName, room.StudentB.DisplayName }.Order(), attributed);

        // The export of a document imported into the same document is already there, all of it.
        var same = await room.Teacher.ImportAsync(room.DocumentId, JsonNode.Parse(export.GetRawText())!);
        Assert.Equal("placed 0, fuzzy 0, orphaned 0, skipped 4, rejected 0", same.Counts());
        var again = await room.Teacher.ImportAsync(copy, JsonNode.Parse(export.GetRawText())!);
        Assert.Equal("placed 0, fuzzy 0, orphaned 0, skipped 4, rejected 0", again.Counts());
    }

    /// <summary>
    /// A collection with ids replaced by the path to each annotation through its thread (the quote of the
    /// thread, then reply bodies), so two collections with the same threads compare equal.
    /// </summary>
    private static List<string> Shape(JsonElement collection, string documentIri)
    {
        var items = collection.ItemsById();
        string PathOf(JsonElement item) => item.GetProperty("target").ValueKind == JsonValueKind.String
            ? $"{PathOf(items[item.GetProperty("target").GetString()!])} > {item.CommentText()}"
            : $"{item.Exact()} @{item.Position()} {item.GetProperty("target").GetProperty("source").GetString() == documentIri}";
        return items.Values
            .Select(i => $"{PathOf(i)} | {i.GetProperty("motivation").GetString()} | {i.CommentText()} | {string.Join(",", i.Tags())} | {i.GetProperty("visibility").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
    }
}
