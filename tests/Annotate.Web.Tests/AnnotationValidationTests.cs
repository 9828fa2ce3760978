using System.Net;
using System.Text.Json.Nodes;
using Annotate.Web.Tests.Infrastructure;

namespace Annotate.Web.Tests;

/// <summary>What the API refuses (400 problem+json, nothing stored) and how it counts offsets (code points).</summary>
public sealed class AnnotationValidationTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string Quote = "The history of all hitherto existing society";

    [Theory]
    [InlineData("no selector", "no selector")]
    [InlineData("quote not in the text", "not found in the document")]
    [InlineData("unknown motivation", "Unknown motivation \"shouting\"")]
    [InlineData("body over 20,000 characters", "the limit is")]
    [InlineData("malformed JSON", "not valid JSON")]
    [InlineData("target.source naming another document", "names another document")]
    [InlineData("unknown visibility", "Unknown visibility \"everyone\"")]
    [InlineData("commenting with an empty body", "needs some text")]
    public async Task Bad_input_answers_400_problem_with_a_sentence_and_stores_nothing(string badInput, string detailSays)
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe"));

        var response = await room.StudentA.Http.PostAsync($"/api/documents/{room.DocumentId}/annotations",
            AnnotationCalls.LdJson(BadAnnotation(badInput, room)));

        var detail = await response.ProblemDetailAsync(HttpStatusCode.BadRequest);
        Assert.Contains(detailSays, detail);
        var collection = await room.StudentA.GetCollectionAsync(room.DocumentId);
        Assert.Equal(1, collection.GetProperty("total").GetInt32());
        Assert.Equal(1, collection.GetProperty("first").GetProperty("items").GetArrayLength());
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM Annotations WHERE DocumentId = $id", ("$id", room.DocumentId)));
    }

    [Fact]
    public async Task Position_selector_answered_for_a_quote_counts_code_points_not_UTF16_units()
    {
        var room = await app.CreateClassroomAsync(SampleTexts.WithEmoji);
        const string quote = "the history of all hitherto existing society";
        var onlyQuote = room.Comment(quote);
        onlyQuote["target"]!["selector"] = new JsonArray(new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = quote });

        var stored = await room.StudentA.CreateAnnotationAsync(room.DocumentId, onlyQuote);

        // Three emoji before the quote: UTF-16 index 39, code point 36.
        var position = stored.GetProperty("target").GetProperty("selector")[1];
        Assert.Equal("TextPositionSelector", position.GetProperty("type").GetString());
        Assert.Equal(36, position.GetProperty("start").GetInt32());
        Assert.Equal(80, position.GetProperty("end").GetInt32());
        JsonAssert.Equal(AnnotationJson.Selectors(SampleTexts.WithEmoji, quote).ToJsonString(), stored.GetProperty("target").GetProperty("selector"));
    }

    [Fact]
    public async Task Position_selector_sent_in_code_points_anchors_the_words_at_those_code_points()
    {
        var room = await app.CreateClassroomAsync(SampleTexts.WithEmoji);
        var onlyPosition = room.Comment("the history");
        onlyPosition["target"]!["selector"] = new JsonArray(new JsonObject { ["type"] = "TextPositionSelector", ["start"] = 36, ["end"] = 80 });

        var stored = await room.StudentA.CreateAnnotationAsync(room.DocumentId, onlyPosition);

        var quote = stored.GetProperty("target").GetProperty("selector")[0];
        Assert.Equal("TextQuoteSelector", quote.GetProperty("type").GetString());
        Assert.Equal("the history of all hitherto existing society", quote.GetProperty("exact").GetString());
        Assert.EndsWith("Marx 🧔 wrote that ", quote.GetProperty("prefix").GetString());
    }

    /// <summary>A request body that is wrong in exactly the named way, and otherwise a good comment.</summary>
    private static string BadAnnotation(string badInput, Classroom room)
    {
        var annotation = room.Comment(Quote);
        var target = annotation["target"]!.AsObject();
        switch (badInput)
        {
            case "no selector":
                target.Remove("selector");
                break;
            case "quote not in the text":
                target["selector"] = new JsonArray(new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = "The bourgeoisie has played a most revolutionary part" });
                break;
            case "unknown motivation":
                annotation["motivation"] = "shouting";
                break;
            case "body over 20,000 characters":
                annotation["body"]![0]!["value"] = new string('x', 20_001);
                break;
            case "malformed JSON":
                return annotation.ToJsonString()[..^20];
            case "target.source naming another document":
                target["source"] = room.DocumentIri[..room.DocumentIri.LastIndexOf('/')] + $"/{room.DocumentId + 1}";
                break;
            case "unknown visibility":
                annotation["visibility"] = "everyone";
                break;
            case "commenting with an empty body":
                annotation["body"] = new JsonArray();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(badInput), badInput, "No such bad input here.");
        }
        return annotation.ToJsonString();
    }
}
