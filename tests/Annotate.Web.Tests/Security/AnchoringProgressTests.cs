using System.Security.Claims;
using Annotate.Data.Entities;
using Annotate.Web.Components.Documents;
using Annotate.Web.Components.Pages;
using Annotate.Web.Features.Users;
using Annotate.Web.Realtime;
using Annotate.Web.Tests.Components;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using static Annotate.Web.Tests.Components.TestArticle;

namespace Annotate.Web.Tests.Security;

/// <summary>
/// While threads are placed on a new revision, only teachers see how far it has come, and only counted
/// over the threads they can see: a total of every thread would tell anyone how many are hidden from
/// them (students' private notes, other groups' threads, feedback for others).
/// </summary>
public sealed class AnchoringProgressTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    [Fact]
    public async Task Teachers_see_progress_over_their_own_threads_and_students_see_no_count_at_all()
    {
        var room = await app.CreateClassroomAsync();
        var byA = Id(await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A's thread")));
        var privateNote = Id(await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Pope and Tsar", "A's private note", "private")));
        var byB = Id(await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("Metternich and Guizot", "B's thread")));
        await room.Teacher.CreateAnnotationAsync(room.DocumentId, room.Comment("holy alliance", "The teacher's thread"));
        await using var pages = new LiveReadingPages(app);
        var teacherPage = await pages.OpenAsync(room.Teacher, room.DocumentId);
        var studentPage = await pages.OpenAsync(room.StudentA, room.DocumentId);
        var feed = app.Services.GetRequiredService<IAnnotationFeed>();

        // Revision 2 is being placed: A's private note and A's thread so far.
        await feed.PublishAsync(new AnchoringProgressEvent(room.DocumentId, 2,
            [new PlacedThread(privateNote, AnchorState.Exact), new PlacedThread(byA, AnchorState.Exact)], Finished: false));

        await teacherPage.WaitUntilShownAsync("Placing the threads on it: 1 of 3");
        await feed.PublishAsync(new AnchoringProgressEvent(room.DocumentId, 2, [new PlacedThread(byB, AnchorState.Orphan)], Finished: false));
        await teacherPage.WaitUntilShownAsync("Placing the threads on it: 2 of 3");
        Assert.False(teacherPage.EverShowed(" of 4"), "The teacher was shown a count that includes a student's private note.");

        await feed.PublishAsync(new AnchoringProgressEvent(room.DocumentId, 2, [], Finished: true));
        await teacherPage.WaitUntilGoneAsync("Placing the threads");
        // The student's page heard the same events: nothing of them is shown, no count anywhere.
        await studentPage.WaitUntilShownAsync("A's private note");
        Assert.False(studentPage.EverShowed("Placing the threads"), "A student was shown the placing progress.");
        Assert.Empty(studentPage.Component.FindAll(".anchoring-progress"));
    }

    [Fact]
    public async Task The_edit_pages_summary_counts_only_the_threads_the_teacher_can_see()
    {
        var room = await app.CreateClassroomAsync();
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("class struggles", "A's thread"));
        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("Pope and Tsar", "A's private note", "private"));
        await room.StudentB.CreateAnnotationAsync(room.DocumentId, room.Comment("nothing to lose but their chains", "B's thread, soon orphaned"));
        await using var pages = new LiveReadingPages(app);
        var dialogs = pages.RenderDialogProvider();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, room.Teacher.Id), new Claim(DisplayNameClaims.ClaimType, room.Teacher.DisplayName)], "Identity.Application"));
        pages.Context.Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var page = pages.Context.Render<CascadingValue<Task<AuthenticationState>>>(ps => ps
            .Add(p => p.Value, Task.FromResult(new AuthenticationState(principal)))
            .AddChildContent<DocumentEditPage>(edit => edit.Add(p => p.Id, room.DocumentId)));
        var browser = BrowserText.In(pages.Context);
        await page.WaitForStateAsync(() => page.FindAll("textarea").Count == 1, LiveReadingPages.Timeout);

        var revised = room.DocumentText.Replace("The proletarians have nothing to lose but their chains. ", "", StringComparison.Ordinal);
        Assert.NotEqual(room.DocumentText, revised);
        // The edit page's text field hands the browser's text over as a stream when the revision is saved.
        browser.Text = revised;
        // Saving asks first: the click's handler waits for the dialog's answer.
        var saving = page.ClickAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Save as new revision"));
        await dialogs.WaitForStateAsync(() => dialogs.FindAll("button").Any(b => b.TextContent.Trim() == "Save revision"), LiveReadingPages.Timeout);
        await dialogs.ClickAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save revision"));
        await saving;

        await page.WaitForAssertionAsync(() => Assert.Contains("Revision 2 is live.", page.Markup), LiveReadingPages.Timeout);
        // Two threads the teacher sees: one kept, one orphaned. A's private note is placed too, and not counted.
        Assert.Contains("1 thread kept their passage, 0 threads on edited passages, 1 thread orphaned.", page.Markup);
    }

    [Fact]
    public void The_tally_counts_only_the_readers_threads_written_before_the_revision()
    {
        var mine = Thread(Excerpt, "Proletarians of all countries unite!", body: "Mine");
        var reply = Reply(mine, "A reply follows its thread");
        var newer = Thread(Excerpt, "Marx and Engels", body: "Written on revision 2") with { DocumentRevision = 2 };
        var unseen = Guid.NewGuid();
        var tally = new AnchoringTally(2, [mine, reply, newer]);

        tally.Apply(new AnchoringProgressEvent(1, 2, [new PlacedThread(unseen, AnchorState.Orphan), new PlacedThread(mine.Id, AnchorState.Edited)], Finished: false));
        tally.Apply(new AnchoringProgressEvent(1, 3, [new PlacedThread(mine.Id, AnchorState.Orphan)], Finished: true));

        Assert.Equal((1, 1, 1, 0, false), (tally.Total, tally.Done, tally.Edited, tally.Orphaned, tally.Finished));
        tally.Apply(new AnchoringProgressEvent(1, 2, [], Finished: true));
        Assert.True(tally.Finished);
    }

    private static Guid Id(System.Text.Json.JsonElement annotation) => Guid.Parse(annotation.Iri().Split('/')[^1]);
}
