using System.Net;
using AngleSharp.Dom;
using Annotate.Web.Components.Pages;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using MudBlazor;

namespace Annotate.Web.Tests.Components.Seminars;

/// <summary>
/// The tag vocabulary on the seminar page: a teacher adds a tag, locks the list (said in words), and deleting asks
/// first; a student reads the list and changes nothing. Rendered against the running app, checked through the API.
/// </summary>
public sealed class TagVocabularyEditorTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static readonly TimeSpan Timeout = LiveReadingPages.Timeout;

    [Fact]
    public async Task A_teacher_adds_locks_and_deletes_only_after_confirming()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var dialogs = pages.RenderDialogProvider();
        var page = pages.Render<SeminarPage>(room.Teacher, p => p.Add(x => x.Id, room.SeminarId));
        await page.WaitForAssertionAsync(() => Assert.Contains("No tags yet: add the ones you want the seminar to use.", page.Markup), Timeout);

        await page.ChangeAsync(() => page.FindAll("label").Single(l => l.TextContent.Trim() == "New tag").ParentElement!.QuerySelector("input")!, "context");
        await page.ClickAsync(() => Button(page, "Add tag"));
        await page.WaitForAssertionAsync(() => Button(page, "Delete tag context"), Timeout);
        Assert.Contains("#context", page.Find(".tag-vocabulary table").TextContent);

        await page.ChangeAsync(() => page.Find(".tag-vocabulary input[type=checkbox]"), true);
        await page.WaitForAssertionAsync(() => Assert.Contains("Locked: annotations can carry only the tags below.", page.Markup), Timeout);
        var refused = await room.StudentA.PostAnnotationAsync(room.DocumentId, room.Comment("class struggles", "Tagged", "seminar", "other"));
        await refused.ProblemDetailAsync(HttpStatusCode.BadRequest);

        // Cancelled: the tag stays.
        var cancelled = page.ClickAsync(() => Button(page, "Delete tag context"));
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Annotations keep it, without its colour.", dialogs.Markup), Timeout);
        await dialogs.ClickAsync(() => DialogButton(dialogs, "Cancel"));
        await cancelled;
        Assert.Single((await (await room.StudentA.Http.GetAsync($"/api/seminars/{room.SeminarId}/tags")).JsonAsync()).EnumerateArray());

        var confirmed = page.ClickAsync(() => Button(page, "Delete tag context"));
        await dialogs.WaitForAssertionAsync(() => DialogButton(dialogs, "Delete"), Timeout);
        await dialogs.ClickAsync(() => DialogButton(dialogs, "Delete"));
        await confirmed;
        await page.WaitForAssertionAsync(() => Assert.Contains("No tags yet", page.Markup), Timeout);
        Assert.Empty((await (await room.StudentA.Http.GetAsync($"/api/seminars/{room.SeminarId}/tags")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task A_student_reads_the_list_and_is_offered_no_change()
    {
        var room = await app.CreateClassroomAsync();
        await (await room.Teacher.Http.PostAsync($"/api/seminars/{room.SeminarId}/tags",
            AnnotationCalls.LdJson("""{"name":"context","description":"Historical background"}"""))).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await using var pages = new LiveReadingPages(app);
        var page = pages.Render<SeminarPage>(room.StudentA, p => p.Add(x => x.Id, room.SeminarId));

        await page.WaitForAssertionAsync(() => Assert.Contains("Historical background", page.Find(".tag-vocabulary table").TextContent), Timeout);
        Assert.Empty(page.FindAll(".tag-vocabulary button"));
        Assert.Empty(page.FindAll(".tag-vocabulary input"));
    }

    private static IElement Button(IRenderedComponent<SeminarPage> page, string name) =>
        page.FindAll("button").Single(b => (b.GetAttribute("aria-label") ?? b.TextContent.Trim()) == name);

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string name) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == name);
}
