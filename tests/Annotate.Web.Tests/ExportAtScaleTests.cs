using System.Diagnostics;
using System.Text.Json;
using Annotate.Data;
using Annotate.Data.Entities;
using Annotate.Shared;
using Annotate.Web.Features.Discussion;
using Annotate.Web.Features.Documents;
using Annotate.Web.Features.Export;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Annotate.Web.Tests;

/// <summary>
/// A document with 10,000 annotations exported through the API on a real SQLite file: every annotation
/// arrives, whole. The times (database to last byte, and the service's share) are printed for
/// docs/performance.md, not asserted: the machine is shared.
/// </summary>
public sealed class ExportAtScaleTests(AnnotateApp app, ITestOutputHelper output) : IClassFixture<AnnotateApp>
{
    private static readonly string Text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "proletarian-internationalism.txt"))
        .ReplaceLineEndings("\n").Trim('\n');

    [Fact]
    public async Task Ten_thousand_annotations_export_whole_in_every_data_format()
    {
        var room = await app.CreateClassroomAsync(Text);
        ApiUser[] people = [room.Teacher, room.StudentA, room.StudentB];
        var views = SyntheticDiscussion.Create(Text, threads: 6_000, replies: 4_000);
        // Reactions spread over the whole document: they are read for all 10,000 at once (one list of ids).
        var reacted = views.Where((_, i) => i % 97 == 0).Select(v => v.Id).ToHashSet();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AnnotateDb>>().CreateDbContextAsync())
        {
            // Straight into the file: posting 10,000 annotations one by one through the API would take minutes.
            db.Annotations.AddRange(views.Select((v, i) => new Annotation
            {
                Id = v.Id, DocumentId = room.DocumentId, AuthorId = people[i % people.Length].Id, ParentId = v.ParentId, ThreadId = v.ThreadId,
                Motivation = v.Motivation, Visibility = Visibility.Seminar, Body = v.Body, Tags = string.Join('\n', v.Tags),
                Exact = v.Quote?.Exact, Prefix = v.Quote?.Prefix, Suffix = v.Quote?.Suffix, Start = v.Position?.Start, End = v.Position?.End,
                DocumentRevision = 1, Created = v.Created, Modified = v.Modified,
            }));
            db.Reactions.AddRange(reacted.SelectMany(id => new[]
            {
                new Reaction { AnnotationId = id, UserId = room.StudentA.Id, Kind = ReactionKinds.Upvote, Created = DateTimeOffset.UtcNow },
                new Reaction { AnnotationId = id, UserId = room.StudentB.Id, Kind = ReactionKinds.Upvote, Created = DateTimeOffset.UtcNow },
            }));
            await db.SaveChangesAsync();
        }

        foreach (var format in new[] { "jsonld", "csv", "markdown" })
        {
            await room.StudentA.ExportTextAsync(room.DocumentId, $"format={format}");   // warm-up
            var clock = Stopwatch.StartNew();
            using var response = await room.StudentA.Http.GetAsync($"/api/documents/{room.DocumentId}/export?format={format}", HttpCompletionOption.ResponseHeadersRead);
            var headers = clock.ElapsedMilliseconds;
            var body = await response.Content.ReadAsByteArrayAsync();
            output.WriteLine($"{format}: {body.Length:N0} bytes, headers after {headers} ms, last byte after {clock.ElapsedMilliseconds} ms");

            if (format == "jsonld")
            {
                using var json = JsonDocument.Parse(body);
                var items = json.RootElement.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
                Assert.Equal(10_000, items.Count);
                foreach (var item in items)
                {
                    var id = Guid.Parse(item.GetProperty("id").GetString()!.Split('/')[^1]);
                    var upvotes = reacted.Contains(id) ? 2 : 0;
                    Assert.Equal(upvotes, item.GetProperty("reactions").GetProperty(ReactionKinds.Upvote).GetInt32());
                    Assert.Equal(upvotes > 0, item.GetProperty("myReactions").EnumerateArray().Any(k => k.GetString() == ReactionKinds.Upvote));
                }
            }
            else if (format == "csv")
            {
                Assert.Equal(10_000, ExportCalls.CsvRows(System.Text.Encoding.UTF8.GetString(body)[1..]).Count);
            }
        }

        var reader = (await app.Services.GetRequiredService<ReaderAccess>().ForDocumentAsync(room.StudentA.Id, room.DocumentId))!;
        var service = app.Services.GetRequiredService<Annotate.Web.Features.Annotations.AnnotationService>();
        var watch = Stopwatch.StartNew();
        var visible = await service.ListVisibleAsync(reader);
        var listed = watch.ElapsedMilliseconds;
        var content = (await app.Services.GetRequiredService<ExportService>().BuildAsync(room.StudentA.Id, room.DocumentId, ExportFilter.Everything)).Value!;
        output.WriteLine($"ListVisibleAsync: {visible.Count:N0} in {listed} ms; ExportService.BuildAsync (the same and more): {watch.ElapsedMilliseconds - listed} ms");
        Assert.Equal(6_000, content.Threads.Count);
    }
}
