using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Annotate.Web.Tests.Infrastructure;
using Bunit;

namespace Annotate.Web.Tests.Components.Reading;

/// <summary>
/// "Colour by tag" on the real reading page (issue 14), against the app's feed and database: the switch beside
/// "Paragraph heat" only with a vocabulary, the marks' classes, the legend with each tag's cue, the choice kept in
/// the browser, and tags recolouring highlights live as every other change arrives.
/// </summary>
public sealed class TagColoursPageTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string History = "The history of all hitherto existing society";
    private const string Spectre = "A spectre is haunting Europe";
    private const string StorageKey = "annotate:reading:tag-colours";

    private static async Task AddTagAsync(Classroom room, string name, string colour) =>
        await (await room.Teacher.Http.PostAsJsonAsync($"/api/seminars/{room.SeminarId}/tags", new { name, colour })).ShouldHaveStatusAsync(HttpStatusCode.Created);

    private static IElement? Switch(IRenderedComponent<Web.Components.Pages.DocumentPage> page) =>
        page.FindAll("nav button").SingleOrDefault(b => b.TextContent.Trim() == "Colour by tag");

    private static IElement MarkOver(IRenderedComponent<Web.Components.Pages.DocumentPage> page, string words) =>
        page.FindAll("article mark").First(m => words.StartsWith(m.TextContent, StringComparison.Ordinal));

    /// <summary>Each legend entry as a screen reader names it.</summary>
    private static List<string> Legend(IRenderedComponent<Web.Components.Pages.DocumentPage> page) =>
        page.FindAll("ul.tag-legend[aria-label='Tag colours'] li button").Select(b => b.GetAttribute("aria-label") ?? "").ToList();

    [Fact]
    public async Task The_switch_shows_only_with_a_vocabulary_and_comes_live_when_a_teacher_adds_the_first_tag()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "Tagged before the vocabulary.", "seminar", "context"));
        await using var pages = new LiveReadingPages(app);
        var page = (await pages.OpenAsync(room.StudentA, room.DocumentId)).Component;
        Assert.Null(Switch(page));
        Assert.DoesNotContain(" t0", MarkOver(page, History).ClassName, StringComparison.Ordinal);

        await AddTagAsync(room, "Context", "#fde68a");

        page.WaitForAssertion(() => Assert.NotNull(Switch(page)), LiveReadingPages.Timeout);
        Assert.Equal("false", Switch(page)!.GetAttribute("aria-pressed"));
        // The marks name the tag from now on; they are coloured only once the switch is on.
        Assert.Contains("t0", MarkOver(page, History).ClassList);
        Assert.DoesNotContain("tag-colours", page.Find(".reading-main").ClassList);
        Assert.Empty(page.FindAll("ul.tag-legend"));
    }

    [Fact]
    public async Task On_the_marks_take_their_tags_colour_the_legend_lists_every_tag_with_its_cue_and_the_choice_is_kept()
    {
        var room = await app.CreateClassroomAsync();
        await AddTagAsync(room, "Context", "#fde68a");
        await AddTagAsync(room, "Evidence", "#0000ff");
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "Both tags.", "seminar", "evidence", "Context"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "Only evidence.", "seminar", "Evidence"));
        await using var pages = new LiveReadingPages(app);
        var page = (await pages.OpenAsync(room.StudentA, room.DocumentId)).Component;

        await page.ClickAsync(() => Switch(page)!);

        Assert.Equal("true", Switch(page)!.GetAttribute("aria-pressed"));
        Assert.Contains("tag-colours", page.Find(".reading-main").ClassList);
        // Two tags: the first in the vocabulary's order (by name), not the first written.
        Assert.Contains("t0", MarkOver(page, History).ClassList);
        Assert.Contains("t1", MarkOver(page, Spectre).ClassList);
        Assert.Equal(["Context, solid underline", "Evidence, dashed underline"], Legend(page));
        Assert.All(page.FindAll("ul.tag-legend .tag-sample"), (sample, i) => Assert.Contains($"t{i}", sample.ClassList));
        var sheet = Assert.Single(page.FindAll(".reading-main style")).TextContent;
        Assert.Contains("mark.t1,.tag-sample.t1{", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("Evidence", sheet, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("article mark[style]"));
        Assert.Contains(pages.Context.JSInterop.Invocations, i => i.Identifier == "localStorage.setItem" && i.Arguments.SequenceEqual([StorageKey, "on"]));

        await page.ClickAsync(() => Switch(page)!);
        Assert.Equal("false", Switch(page)!.GetAttribute("aria-pressed"));
        Assert.DoesNotContain("tag-colours", page.Find(".reading-main").ClassList);
        Assert.Empty(page.FindAll("ul.tag-legend"));
        Assert.Contains(pages.Context.JSInterop.Invocations, i => i.Identifier == "localStorage.removeItem" && Equals(i.Arguments[0], StorageKey));
    }

    [Fact]
    public async Task A_page_opened_again_colours_by_tag_when_the_reader_left_it_on()
    {
        var room = await app.CreateClassroomAsync();
        await AddTagAsync(room, "Context", "#fde68a");
        await using var pages = new LiveReadingPages(app);
        pages.Context.JSInterop.Setup<string?>("localStorage.getItem", StorageKey).SetResult("on");

        var page = (await pages.OpenAsync(room.StudentA, room.DocumentId)).Component;

        page.WaitForAssertion(() => Assert.Equal("true", Switch(page)?.GetAttribute("aria-pressed")), LiveReadingPages.Timeout);
        Assert.Equal(["Context, solid underline"], Legend(page));
    }

    [Fact]
    public async Task A_new_or_edited_annotations_tags_recolour_its_highlight_live()
    {
        var room = await app.CreateClassroomAsync();
        await AddTagAsync(room, "Context", "#fde68a");
        await AddTagAsync(room, "Evidence", "#0000ff");
        await using var pages = new LiveReadingPages(app);
        pages.Context.JSInterop.Setup<string?>("localStorage.getItem", StorageKey).SetResult("on");
        var live = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var page = live.Component;

        var posted = await room.StudentB.PostAnnotationAsync(room.DocumentId, room.Comment(History, "Context first.", "seminar", "Context"));
        var thread = (await posted.JsonAsync(HttpStatusCode.Created)).Iri();
        await live.WaitUntilShownAsync("Context first.");
        page.WaitForAssertion(() => Assert.Contains("t0", MarkOver(page, History).ClassList), LiveReadingPages.Timeout);

        (await room.StudentB.PutAnnotationAsync(thread, room.Comment(History, "Now evidence.", "seminar", "Evidence"), posted.Headers.ETag!.ToString()))
            .EnsureSuccessStatusCode();
        await live.WaitUntilShownAsync("Now evidence.");
        page.WaitForAssertion(() => Assert.Contains("t1", MarkOver(page, History).ClassList), LiveReadingPages.Timeout);
        Assert.DoesNotContain("t0", MarkOver(page, History).ClassList);
    }

    [Fact]
    public async Task A_tag_in_the_legend_shows_only_its_threads_and_pressed_again_all_of_them()
    {
        var room = await app.CreateClassroomAsync();
        await AddTagAsync(room, "Context", "#fde68a");
        await AddTagAsync(room, "Evidence", "#0000ff");
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(History, "About context.", "seminar", "Context"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment(Spectre, "About evidence.", "seminar", "evidence"));
        await using var pages = new LiveReadingPages(app);
        pages.Context.JSInterop.Setup<string?>("localStorage.getItem", StorageKey).SetResult("on");
        var live = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var page = live.Component;
        IElement Evidence() => page.FindAll("ul.tag-legend button").Single(b => b.TextContent.Contains("Evidence", StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal(2, Legend(page).Count), LiveReadingPages.Timeout);

        await page.ClickAsync(Evidence);

        Assert.Equal("true", Evidence().GetAttribute("aria-pressed"));
        Assert.Equal("Show all threads again", Evidence().GetAttribute("title"));
        Assert.True(live.Shows("About evidence."));
        Assert.False(live.Shows("About context."));

        await page.ClickAsync(Evidence);
        Assert.Equal("false", Evidence().GetAttribute("aria-pressed"));
        Assert.True(live.Shows("About context."));
    }
}
