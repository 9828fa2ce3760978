using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Annotate.Data;
using Annotate.Web.Features.Export;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;

namespace Annotate.Web.Tests;

/// <summary>
/// Each data format of GET /api/documents/{id}/export through the API: W3C JSON-LD checked against the
/// Web Annotation schemas (Schemas/*.json), CSV that a spreadsheet opens as UTF-8 and never runs as a
/// formula, Markdown that quotes each passage under its ¶ number with the replies nested.
/// </summary>
public sealed class ExportFormatTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private sealed record Discussion(Classroom Room, JsonElement Spectre, JsonElement Classes, JsonElement Reply, JsonElement Answer);

    /// <summary>B on ¶ 1; A on ¶ 2 (posted first), answered by the teacher, whom B answers in turn.</summary>
    private async Task<Discussion> DiscussAsync()
    {
        var room = await app.CreateClassroomAsync();
        var classes = await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Which classes?", tags: "question"));
        var spectre = await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("A spectre is haunting Europe", "A ghost story."));
        var reply = await room.Teacher.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(classes.Iri(), "Read on."));
        var answer = await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(reply.Iri(), "Bourgeoisie and proletariat."));
        return new Discussion(room, spectre, classes, reply, answer);
    }

    private static async Task<ICollection<NJsonSchema.Validation.ValidationError>> ValidateAsync(string json, string schemaFile)
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", schemaFile));
        return schema.Validate(json);
    }

    [Fact]
    public async Task Jsonld_is_a_W3C_AnnotationCollection_that_passes_the_schemas_threads_in_document_order()
    {
        var (room, spectre, classes, reply, answer) = await DiscussAsync();

        var response = await room.StudentA.ExportAsync(room.DocumentId, "format=jsonld");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^the-manifesto-annotations-\d{4}-\d\d-\d\d\.jsonld$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var json = await response.Content.ReadAsStringAsync();

        Assert.Empty(await ValidateAsync(json, "annotation-collection.schema.json"));
        var collection = JsonDocument.Parse(json).RootElement;
        Assert.Equal("http://www.w3.org/ns/anno.jsonld", collection.GetProperty("@context").GetString());
        Assert.Equal("AnnotationCollection", collection.GetProperty("type").GetString());
        Assert.Equal(4, collection.GetProperty("total").GetInt32());
        Assert.Equal("AnnotationPage", collection.GetProperty("first").GetProperty("type").GetString());
        var items = collection.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        // ¶ 1 before ¶ 2 although posted later; replies right after their thread, oldest first.
        Assert.Equal([spectre.Iri(), classes.Iri(), reply.Iri(), answer.Iri()], items.Select(i => i.Iri()));

        foreach (var item in items)
        {
            // Each is the annotation exactly as the API answers it, and a valid Web Annotation on its own.
            var single = JsonNode.Parse(item.GetRawText())!.AsObject();
            single.Insert(0, "@context", "http://www.w3.org/ns/anno.jsonld");
            JsonAssert.Equal(await (await room.StudentA.GetAnnotationAsync(item.Iri())).JsonAsync(), JsonDocument.Parse(single.ToJsonString()).RootElement);
            Assert.Empty(await ValidateAsync(single.ToJsonString(), "annotation.schema.json"));
        }
        Assert.Equal("replying", items[3].GetProperty("motivation").GetString());
        Assert.Equal(reply.Iri(), items[3].GetProperty("target").GetString());
        Assert.Equal(classes.Iri(), items[2].GetProperty("target").GetString());
        var creator = items[1].GetProperty("creator");
        Assert.Equal(("Person", room.StudentA.DisplayName), (creator.GetProperty("type").GetString(), creator.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_schemas_reject_what_the_model_forbids()
    {
        var (room, _, _, _, _) = await DiscussAsync();
        var json = await room.StudentA.ExportTextAsync(room.DocumentId, "format=jsonld");

        async Task AssertRejectedAsync(Action<JsonObject> spoil)
        {
            var collection = JsonNode.Parse(json)!.AsObject();
            spoil(collection["first"]!["items"]![1]!.AsObject());
            Assert.NotEmpty(await ValidateAsync(collection.ToJsonString(), "annotation-collection.schema.json"));
        }
        await AssertRejectedAsync(item => item.Remove("motivation"));
        await AssertRejectedAsync(item => item["motivation"] = "liking");
        await AssertRejectedAsync(item => item["target"]!["selector"]![1]!["start"] = "12");
        await AssertRejectedAsync(item => item["creator"]!["type"] = "Robot");
        await AssertRejectedAsync(item => item["body"]![0]!["type"] = "Comment");
        await AssertRejectedAsync(item => item["target"] = new JsonObject { ["selector"] = new JsonArray() });
    }

    [Fact]
    public async Task Jsonld_positions_count_code_points()
    {
        var room = await app.CreateClassroomAsync(SampleTexts.WithEmoji);
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "After the emoji."));

        var selector = (await room.StudentA.ExportItemsAsync(room.DocumentId)).Single()
            .GetProperty("target").GetProperty("selector").EnumerateArray().Single(s => s.GetProperty("type").GetString() == "TextPositionSelector");

        var at = SampleTexts.WithEmoji.IndexOf("class struggles", StringComparison.Ordinal);
        Assert.Equal(AnnotationJson.CodePoints(SampleTexts.WithEmoji[..at]), selector.GetProperty("start").GetInt32());
        Assert.NotEqual(at, selector.GetProperty("start").GetInt32());
    }

    [Fact]
    public async Task Csv_is_UTF8_with_a_BOM_one_row_per_annotation_and_no_cell_runs_as_a_formula()
    {
        var room = await app.CreateClassroomAsync();
        // The register page lets people choose any display name.
        const string hostileName = "=cmd|' /C calc'!A0";
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContextAsync())
            await db.Users.Where(u => u.Id == room.StudentB.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.DisplayName, hostileName));
        var thread = await room.StudentA.CreateAnnotationAsync(room.DocumentId,
            room.Comment("class struggles", "=HYPERLINK(\"http://evil.example/\",\"Click\")", tags: ["-tag", "@tag"]));
        string[] replies = ["+1+1", "-2+3", "@SUM(A1:A2)", "\tcmd", "\rcmd", "Plain, with \"quotes\" and a\nline break"];
        foreach (var body in replies)
            await room.StudentB.CreateAnnotationAsync(room.DocumentId, AnnotationJson.Reply(thread.Iri(), body));

        var response = await room.StudentA.ExportAsync(room.DocumentId, "format=csv");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("document,paragraph,quote,body,author,visibility,motivation,tags,thread id,parent id,created (UTC)\r\n", csv);

        var rows = ExportCalls.CsvRows(csv);
        Assert.Equal(1 + replies.Length, rows.Count);
        foreach (var cell in rows.SelectMany(r => r.Values))
            Assert.DoesNotMatch("^[=+\\-@\t\r]", cell);
        Assert.Equal("'=HYPERLINK(\"http://evil.example/\",\"Click\")", rows[0]["body"]);
        Assert.Equal("'-tag; @tag", rows[0]["tags"]);
        Assert.Equal(["'+1+1", "'-2+3", "'@SUM(A1:A2)", "'\tcmd", "'\rcmd", replies[5]], rows.Skip(1).Select(r => r["body"]));
        Assert.All(rows.Skip(1), r => Assert.Equal("'" + hostileName, r["author"]));
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\",", csv);

        var threadId = thread.Iri()[(thread.Iri().LastIndexOf('/') + 1)..];
        Assert.Equal(("The Manifesto", "2", "class struggles", "seminar", "commenting", threadId, ""),
            (rows[0]["document"], rows[0]["paragraph"], rows[0]["quote"], rows[0]["visibility"], rows[0]["motivation"], rows[0]["thread id"], rows[0]["parent id"]));
        Assert.All(rows.Skip(1), r => Assert.Equal(("2", "class struggles", "replying", threadId, threadId),
            (r["paragraph"], r["quote"], r["motivation"], r["thread id"], r["parent id"])));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", rows[0]["created (UTC)"]);
    }

    [Fact]
    public async Task Markdown_quotes_each_passage_under_its_paragraph_number_and_nests_replies()
    {
        var (room, _, _, _, _) = await DiscussAsync();

        var response = await room.StudentA.ExportAsync(room.DocumentId, "format=markdown");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/markdown; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.EndsWith(".md", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var markdown = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("# The Manifesto\n\nReading group · revision 1 · exported for " + room.StudentA.DisplayName, markdown);
        Assert.Contains("**Contains:** Everything you may see. 2 threads, 4 annotations.", markdown);
        var first = markdown.IndexOf("## ¶ 1\n\n> A spectre is haunting Europe\n", StringComparison.Ordinal);
        var second = markdown.IndexOf("## ¶ 2\n\n> class struggles\n", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, markdown);

        string Item(int depth, ApiUser author, string kind) =>
            $"^{new string(' ', depth * 2)}- \\*\\*{Regex.Escape(author.DisplayName)}\\*\\* · {kind} · ";
        var thread = markdown[second..];
        Assert.Matches(new Regex(Item(0, room.StudentA, "comment · seminar") + @"\d{4}-\d\d-\d\d \d\d:\d\d UTC · tags: question\n\n  Which classes\?\n", RegexOptions.Multiline), thread);
        Assert.Matches(new Regex(Item(1, room.Teacher, "reply") + @".*\n\n    Read on\.\n", RegexOptions.Multiline), thread);
        Assert.Matches(new Regex(Item(2, room.StudentB, "reply") + @".*\n\n      Bourgeoisie and proletariat\.\n", RegexOptions.Multiline), thread);
    }

    [Fact]
    public async Task Orphans_come_last_in_every_format()
    {
        var (room, spectre, classes, _, _) = await DiscussAsync();
        const string history = "The history of all hitherto existing society is the history of class struggles.";
        var put = await room.Teacher.Http.PutAsJsonAsync($"/api/documents/{room.DocumentId}", new { text = room.DocumentText.Replace(history + "\n\n", "") });
        await put.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var items = await room.StudentA.ExportItemsAsync(room.DocumentId);
        Assert.Equal([spectre.Iri(), classes.Iri()], items.Where(i => i.TryGetProperty("orphan", out _)).Select(i => i.Iri()));
        Assert.True(items.Single(i => i.Iri() == classes.Iri()).GetProperty("orphan").GetBoolean());

        var markdown = await room.StudentA.ExportTextAsync(room.DocumentId, "format=markdown");
        var orphans = markdown.IndexOf("## Orphaned threads\n\nThese passages are no longer in the text of revision 2", StringComparison.Ordinal);
        Assert.True(orphans > markdown.IndexOf("## ¶ 1", StringComparison.Ordinal), markdown);
        Assert.Contains("> class struggles", markdown[orphans..]);

        var rows = ExportCalls.CsvRows(await room.StudentA.ExportTextAsync(room.DocumentId, "format=csv"));
        Assert.Equal(["1", "", "", ""], rows.Select(r => r["paragraph"]));
    }

    [Fact]
    public void Markdown_escapes_text_that_would_turn_into_markup()
    {
        Assert.Equal("\\# not a heading", MarkdownExport.Escape("# not a heading"));
        Assert.Equal("1\\. not a list", MarkdownExport.Escape("1. not a list"));
        Assert.Equal("\\*not bold\\* and \\<b\\>", MarkdownExport.Escape("*not bold* and <b>"));
        Assert.Equal("police-spies", MarkdownExport.Escape("police-spies"));
    }
}
