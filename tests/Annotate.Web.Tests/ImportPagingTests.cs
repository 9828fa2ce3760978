using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Annotate.Web.Tests.Infrastructure;
using static Annotate.Web.Tests.Infrastructure.ImportJson;

namespace Annotate.Web.Tests;

/// <summary>
/// Files that hold an export or a search page by page: a W3C collection whose pages follow one another by
/// <c>next</c> (in a list, embedded, or written one after another), Hypothesis search answers saved together.
/// A page the file only links to is reported, never fetched.
/// </summary>
public sealed class ImportPagingTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Text = SampleTexts.Manifesto;
    private const string Spectre = "A spectre is haunting Europe";
    private const string History = "The history of all hitherto existing society";
    private const string Chains = "nothing to lose but their chains";
    private const string CollectionId = "https://texts.example.org/manifesto/annotations";

    private static string PageId(int number) => $"{CollectionId}?page={number}";

    private static JsonObject Page(int number, bool last, params JsonObject[] items)
    {
        var page = new JsonObject
        {
            ["id"] = PageId(number),
            ["type"] = "AnnotationPage",
            ["partOf"] = CollectionId,
            ["startIndex"] = number * 2,
            ["items"] = new JsonArray(items.Select(i => (JsonNode)i).ToArray()),
        };
        if (!last) page["next"] = PageId(number + 1);
        return page;
    }

    private static JsonObject[] Pages() =>
    [
        Page(0, last: false, W3c("urn:x:1", Text, Spectre, "One."), W3c("urn:x:2", Text, History, "Two.")),
        Page(1, last: false, W3cReply("urn:x:3", "urn:x:1", "Three, answering one on the page before.")),
        Page(2, last: true, W3c("urn:x:4", Text, Chains, "Four.")),
    ];

    private static JsonObject LinkingCollection() => new()
    {
        ["@context"] = AnnotationJson.Context, ["id"] = CollectionId, ["type"] = "AnnotationCollection", ["total"] = 4,
        ["first"] = PageId(0), ["last"] = PageId(2),
    };

    public static TheoryData<string> W3cShapes => ["collection and pages in a list", "pages out of order", "pages embedded by next", "written one after another"];

    [Theory]
    [MemberData(nameof(W3cShapes))]
    public async Task A_W3C_collection_saved_page_by_page_comes_in_whole(string shape)
    {
        var room = await app.CreateClassroomAsync();
        var pages = Pages();
        string file;
        switch (shape)
        {
            case "collection and pages in a list":
                file = new JsonArray([LinkingCollection(), .. pages]).ToJsonString();
                break;
            case "pages out of order":
                file = new JsonArray(pages[2], LinkingCollection(), pages[0], pages[1]).ToJsonString();
                break;
            case "pages embedded by next":
                pages[1]["next"] = pages[2];
                pages[0]["next"] = pages[1];
                var collection = LinkingCollection();
                collection["first"] = pages[0];
                file = collection.ToJsonString();
                break;
            default:
                // As `cat page0.json page1.json page2.json > all.json` writes them.
                file = string.Join("\n", pages.Prepend(LinkingCollection()).Select(p => p.ToJsonString()));
                break;
        }

        var report = await (await room.StudentA.PostImportAsync(room.DocumentId, file)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("placed 4, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("incomplete").ValueKind);
        var items = (await room.StudentB.GetCollectionAsync(room.DocumentId)).ItemsById().Values.ToList();
        var one = items.Single(i => i.CommentText() == "One.");
        Assert.Equal(one.Iri(), items.Single(i => i.CommentText()!.StartsWith("Three", StringComparison.Ordinal)).GetProperty("target").GetString());
    }

    [Fact]
    public async Task A_page_the_file_only_links_to_is_reported_and_never_fetched()
    {
        var room = await app.CreateClassroomAsync();
        // Where the missing page would be: a socket that records whether anyone comes asking.
        using var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        var elsewhere = $"http://127.0.0.1:{((IPEndPoint)server.LocalEndpoint).Port}/annotations?page=1";
        var page = Page(0, last: true, W3c("urn:x:1", Text, Spectre, "One."), W3c("urn:x:2", Text, History, "Two."));
        page["next"] = elsewhere;
        var linksOnly = LinkingCollection();
        linksOnly["first"] = elsewhere;

        var report = await room.StudentA.ImportAsync(room.DocumentId, page);
        var refused = await room.StudentA.PostImportAsync(room.DocumentId, linksOnly.ToJsonString());

        Assert.Equal("placed 2, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        Assert.Equal($"This collection has more pages at {elsewhere} that are not in this file; Annotate does not fetch them. " +
            "Export every page into one file (one after another, or in a JSON array) and import that. What came in now is skipped then.",
            report.GetProperty("incomplete").GetString());
        Assert.Contains($"only links to its pages (the first is {elsewhere}); Annotate does not fetch them", await refused.ProblemDetailAsync(HttpStatusCode.BadRequest));
        Assert.False(server.Pending(), "The server fetched a page the file only links to.");
    }

    [Fact]
    public async Task A_collection_that_says_it_holds_more_than_the_file_is_reported_as_incomplete()
    {
        var room = await app.CreateClassroomAsync();
        var collection = Collection(W3c("urn:x:1", Text, Spectre, "One."));
        collection["total"] = 40;

        var report = await room.StudentA.ImportAsync(room.DocumentId, collection);

        Assert.Equal("placed 1, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        Assert.StartsWith("The collection says it holds 40 annotations, and this file has 1 of them.", report.GetProperty("incomplete").GetString());
    }

    public static TheoryData<string> HypothesisShapes => ["search answers in a list", "search answers one after another", "rows put together"];

    [Theory]
    [MemberData(nameof(HypothesisShapes))]
    public async Task Hypothesis_search_pages_saved_together_come_in_whole(string shape)
    {
        var room = await app.CreateClassroomAsync();
        var (h1, h2, h3) = (Hypothesis("h1", Text, Spectre, "One."), Hypothesis("h2", Text, History, "Two."), Hypothesis("h3", Text, Chains, "Three."));
        // Paged by offset while someone annotated: the second page repeats the first's last row.
        JsonObject[] answers =
        [
            new() { ["total"] = 5, ["rows"] = new JsonArray(h1, h2, h3) },
            new() { ["total"] = 5, ["rows"] = new JsonArray(h3.DeepClone(), Hypothesis("h4", Text, null, "Four, on page one's first.", references: ["h1"]), Hypothesis("h5", Text, Spectre, "Five.")) },
        ];
        var file = shape switch
        {
            "search answers in a list" => new JsonArray(answers).ToJsonString(),
            "search answers one after another" => string.Join("\n", answers.Select(a => a.ToJsonString())),
            _ => RowsTogether(answers),
        };

        var report = await (await room.StudentA.PostImportAsync(room.DocumentId, file)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("placed 5, fuzzy 0, orphaned 0, skipped 1, rejected 0", report.Counts());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("incomplete").ValueKind);
        var items = (await room.StudentB.GetCollectionAsync(room.DocumentId)).ItemsById().Values.ToList();
        Assert.Equal(items.Single(i => i.CommentText() == "One.").Iri(), items.Single(i => i.CommentText()!.StartsWith("Four", StringComparison.Ordinal)).GetProperty("target").GetString());
    }

    /// <summary>The rows of every answer in one: what someone pasting them together writes (the search's total stays what it was).</summary>
    private static string RowsTogether(JsonObject[] answers)
    {
        var together = HypothesisRows([.. answers.SelectMany(a => a["rows"]!.AsArray().Select(r => r!.DeepClone().AsObject()))]);
        together["total"] = answers[0]["total"]!.DeepClone();
        return together.ToJsonString();
    }

    [Fact]
    public async Task Replies_a_Hypothesis_search_answers_apart_come_in_with_their_threads()
    {
        var room = await app.CreateClassroomAsync();
        var answer = new JsonObject
        {
            ["total"] = 1,
            ["rows"] = new JsonArray(Hypothesis("h1", Text, Spectre, "One.")),
            // _separate_replies=true: the rows' replies in a list of their own, not counted in "total".
            ["replies"] = new JsonArray(Hypothesis("h2", Text, null, "Two, answering one.", references: ["h1"])),
        };

        var report = await room.StudentA.ImportAsync(room.DocumentId, answer);

        Assert.Equal("placed 2, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("incomplete").ValueKind);
    }

    [Fact]
    public async Task One_page_of_a_larger_Hypothesis_search_is_imported_and_reported_as_incomplete()
    {
        var room = await app.CreateClassroomAsync();
        var page = HypothesisRows(Hypothesis("h1", Text, Spectre, "One."), Hypothesis("h2", Text, History, "Two."));
        page["total"] = 450;

        var report = await room.StudentA.ImportAsync(room.DocumentId, page);

        Assert.Equal("placed 2, fuzzy 0, orphaned 0, skipped 0, rejected 0", report.Counts());
        var incomplete = report.GetProperty("incomplete").GetString()!;
        Assert.StartsWith("The Hypothesis search found 450 annotations, and this file holds 2 of them.", incomplete);
        Assert.Contains("search_after", incomplete);
        Assert.EndsWith("What came in now is skipped then.", incomplete);
    }
}
