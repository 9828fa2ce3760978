using System.Net;
using System.Text.Json;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Xunit.Abstractions;

namespace Annotate.Web.Tests;

/// <summary>
/// Who sees what, cell by cell: every annotation of <see cref="MatrixItem"/> (a thread of each visibility,
/// feedback for one student, and a reply under each) × every <see cref="MatrixViewer"/> × every channel a
/// reader has — the server-rendered page (cookie), the live page of a circuit, the hub, the API collection
/// and GET by id. The expected outcome of each cell comes from <see cref="Oracle"/>, a table written by
/// hand, never from the app's own rule. The export channel is ExportVisibilityMatrixTests.
/// </summary>
[EngineSpecific]
[Collection(VisibilityMatrixScene.Collection)]
public sealed class VisibilityMatrixTests(VisibilityMatrixScene scene, ITestOutputHelper output)
{
    /// <summary>Who may read each annotation: Y yes, . no. Viewers in <see cref="MatrixViewer"/> order.</summary>
    internal static readonly (MatrixItem Item, string Seen)[] Oracle =
    [
        //                                   A  S  O  T  N  X      (Author, SameGroup, OtherGroup, Teacher, NonMember, SignedOut)
        (MatrixItem.Private,               "Y  .  .  .  .  ."),
        (MatrixItem.PrivateReply,          "Y  .  .  .  .  ."),
        (MatrixItem.Teachers,              "Y  .  .  Y  .  ."),
        (MatrixItem.TeachersReply,         "Y  .  .  Y  .  ."),
        (MatrixItem.Group,                 "Y  Y  .  Y  .  ."),
        (MatrixItem.GroupReply,            "Y  Y  .  Y  .  ."),
        (MatrixItem.Seminar,               "Y  Y  Y  Y  .  ."),
        (MatrixItem.SeminarReply,          "Y  Y  Y  Y  .  ."),
        (MatrixItem.Feedback,              "Y  .  .  Y  .  ."),
        (MatrixItem.FeedbackReply,         "Y  .  .  Y  .  ."),
        (MatrixItem.FeedbackInThread,      "Y  .  .  Y  .  ."),
        (MatrixItem.FeedbackInThreadReply, "Y  .  .  Y  .  ."),
    ];

    private static readonly MatrixViewer[] Members = [MatrixViewer.Author, MatrixViewer.SameGroup, MatrixViewer.OtherGroup, MatrixViewer.Teacher];

    /// <summary>The channels of <see cref="Cells"/> asserted in this class (export: the separate class).</summary>
    public const int Channels = 5;

    /// <summary>Every (annotation, viewer) pair with whether the viewer may see it.</summary>
    public static TheoryData<MatrixItem, MatrixViewer, bool> Cells
    {
        get
        {
            var cells = new TheoryData<MatrixItem, MatrixViewer, bool>();
            foreach (var (item, seen) in Oracle)
            {
                var marks = seen.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var viewer in Enum.GetValues<MatrixViewer>()) cells.Add(item, viewer, marks[(int)viewer] == "Y");
            }
            return cells;
        }
    }

    public static TheoryData<MatrixViewer> MemberViewers => new(Members);

    /// <summary>How many of the scene's annotations the viewer may see, by the table.</summary>
    private static int SeenBy(MatrixViewer viewer) =>
        Oracle.Count(row => row.Seen.Split(' ', StringSplitOptions.RemoveEmptyEntries)[(int)viewer] == "Y");

    [Fact]
    public void The_table_covers_every_annotation_and_viewer()
    {
        var cells = Cells.Count();
        Assert.Equal(Enum.GetValues<MatrixItem>().Length * Enum.GetValues<MatrixViewer>().Length, cells);
        Assert.Equal(Enum.GetValues<MatrixItem>().Order(), Oracle.Select(row => row.Item).Order());
        output.WriteLine($"Visibility matrix: {cells} cells × {Channels} channels = {cells * Channels} cell assertions, and {cells} more for the export (ExportVisibilityMatrixTests).");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Page_served_to_the_viewers_browser(MatrixItem item, MatrixViewer viewer, bool seen)
    {
        var page = scene.PageHtml[viewer];
        switch (viewer)
        {
            case MatrixViewer.SignedOut:
                Assert.True(page.IsRedirectToLogin, $"Signed out got {page.Status} {page.Location}");
                break;
            case MatrixViewer.NonMember:
                Assert.False(page.IsReadingPage);
                Assert.Contains("Not found", page.Html);
                break;
            default:
                Assert.True(page.IsReadingPage, $"{viewer} got {page.Status}");
                break;
        }
        AssertSeenInText(page.Html, item, seen, $"{viewer}'s page");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Live_push_to_the_viewers_open_page(MatrixItem item, MatrixViewer viewer, bool seen)
    {
        var page = scene.LivePages[viewer];
        if (viewer is MatrixViewer.NonMember or MatrixViewer.SignedOut)
            Assert.True(page.IsNotFound, $"{viewer}'s page is not the not-found notice.");
        else
            Assert.True(page.Shows(scene.BarrierMarker), "The barrier has reached the page.");

        if (seen)
        {
            Assert.True(page.Shows(scene.MarkerOf(item)), $"{item} was not pushed to {viewer}'s page.");
        }
        else
        {
            Assert.False(page.EverShowed(scene.MarkerOf(item)), $"{item} reached {viewer}'s page.");
            Assert.False(page.EverShowed(scene.IdOf(item).ToString()), $"The id of {item} reached {viewer}'s page.");
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Hub_connection_of_the_viewer(MatrixItem item, MatrixViewer viewer, bool seen)
    {
        switch (viewer)
        {
            case MatrixViewer.SignedOut:
                // No connection at all without a sign-in.
                var refused = Assert.IsType<HttpRequestException>(scene.SignedOutConnectRefusal);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                return;
            case MatrixViewer.NonMember:
                Assert.IsType<HubException>(scene.OutsiderJoinRefusal);
                Assert.Empty(scene.Hubs[viewer].TakeArrived());
                return;
        }
        var received = scene.Hubs[viewer].Received;
        Assert.Contains(received, e => e.Name == HubListener.Created && e.AnnotationIri == scene.BarrierIri);
        if (seen)
        {
            var created = Assert.Single(received, e => e.AnnotationIri == scene.IriOf(item));
            Assert.Equal(HubListener.Created, created.Name);
            Assert.Equal(scene.MarkerOf(item), created.Payload.CommentText());
        }
        else
        {
            Assert.DoesNotContain(received, e => e.AnnotationIri == scene.IriOf(item) || e.Payload.GetRawText().Contains(scene.MarkerOf(item)));
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Api_collection_of_the_document(MatrixItem item, MatrixViewer viewer, bool seen)
    {
        var response = await scene.ApiClient(viewer).GetAsync($"/api/documents/{scene.DocumentId}/annotations");
        var text = await ExpectAccessAsync(response, viewer);
        if (viewer is MatrixViewer.NonMember or MatrixViewer.SignedOut)
        {
            AssertSeenInText(text, item, seen: false, $"{viewer}'s answer");
            return;
        }
        using var collection = JsonDocument.Parse(text);
        var items = collection.RootElement.GetProperty("first").GetProperty("items").EnumerateArray().ToList();
        if (seen)
            Assert.Equal(scene.MarkerOf(item), Assert.Single(items, i => i.Iri() == scene.IriOf(item)).CommentText());
        AssertSeenInText(text, item, seen, $"{viewer}'s collection");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Api_get_by_id(MatrixItem item, MatrixViewer viewer, bool seen)
    {
        var response = await scene.ApiClient(viewer).GetAsync(scene.IriOf(item));
        if (viewer == MatrixViewer.SignedOut)
        {
            await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        }
        else if (seen)
        {
            var annotation = await response.JsonAsync();
            Assert.Equal(scene.IriOf(item), annotation.Iri());
            Assert.Equal(scene.MarkerOf(item), annotation.CommentText());
        }
        else
        {
            // 404, never 403: nothing says it exists.
            await response.ProblemDetailAsync(HttpStatusCode.NotFound);
        }
        if (!seen) Assert.DoesNotContain(scene.MarkerOf(item), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Counts are a channel too: the collection's total and the page's "N annotations" count only what the viewer may see.</summary>
    [Theory]
    [MemberData(nameof(MemberViewers))]
    public async Task Counts_reveal_nothing_hidden(MatrixViewer viewer)
    {
        var expected = SeenBy(viewer) + 1; // and the barrier
        var collection = await (await scene.ApiClient(viewer).GetAsync($"/api/documents/{scene.DocumentId}/annotations")).JsonAsync();
        Assert.Equal(expected, collection.GetProperty("total").GetInt32());
        Assert.Equal(expected, collection.GetProperty("first").GetProperty("items").GetArrayLength());
        Assert.Contains($"threads-count\">{expected} annotations<", scene.PageHtml[viewer].Html);
        Assert.Contains($"threads-count\">{expected} annotations<", scene.LivePages[viewer].Component.Markup);
    }

    /// <summary>The status a viewer must get for the document's annotations; answers the body.</summary>
    internal static async Task<string> ExpectAccessAsync(HttpResponseMessage response, MatrixViewer viewer)
    {
        switch (viewer)
        {
            case MatrixViewer.SignedOut:
                await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
                break;
            case MatrixViewer.NonMember:
                await response.ProblemDetailAsync(HttpStatusCode.NotFound);
                break;
            default:
                await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
                break;
        }
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Seen: the body is there. Hidden: neither its words nor its id are, anywhere in the answer.</summary>
    private void AssertSeenInText(string text, MatrixItem item, bool seen, string where)
    {
        if (seen)
        {
            Assert.True(text.Contains(scene.MarkerOf(item), StringComparison.Ordinal), $"{item} is missing from {where}.");
            return;
        }
        Assert.False(text.Contains(scene.MarkerOf(item), StringComparison.Ordinal), $"{item} leaked into {where}.");
        Assert.False(text.Contains(scene.IdOf(item).ToString(), StringComparison.OrdinalIgnoreCase), $"The id of {item} leaked into {where}.");
    }
}
