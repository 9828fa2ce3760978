using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Annotate.Web.Components.Pages;
using Annotate.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Annotate.Web.Tests.Components.Seminars;

/// <summary>
/// The seminar page's control of the way in, as a teacher uses it: removing warns of the bar and lists the
/// account under Removed with "Let back in"; a new join code asks first; the switch opens and closes joining
/// and says which it is. Rendered against the running app, so every change is checked through the API.
/// </summary>
public sealed class SeminarPageMembershipTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private static readonly TimeSpan Timeout = LiveReadingPages.Timeout;

    [Fact]
    public async Task Removing_warns_of_the_bar_lists_the_account_under_Removed_and_Let_back_in_lifts_it()
    {
        var room = await app.CreateClassroomAsync();
        var code = await room.JoinCodeAsync();
        await using var pages = new LiveReadingPages(app);
        var dialogs = pages.RenderDialogProvider();
        var snackbar = pages.Context.Services.GetRequiredService<ISnackbar>();
        var page = pages.Render<SeminarPage>(room.Teacher, p => p.Add(x => x.Id, room.SeminarId));
        await page.WaitForAssertionAsync(() => Assert.Contains("No one has been removed.", page.Markup), Timeout);
        // The member list is drawn once its own query answers, which may be after the removed list's.
        await page.WaitForAssertionAsync(() => Button(page, $"Remove {room.StudentA.DisplayName}"), Timeout);

        var removing = page.ClickAsync(() => Button(page, $"Remove {room.StudentA.DisplayName}"));
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("cannot join again, even with the join code, until you let them back in", dialogs.Markup), Timeout);
        await dialogs.ClickAsync(() => DialogButton(dialogs, "Remove"));
        await removing;

        await page.WaitForAssertionAsync(() => Button(page, $"Let {room.StudentA.DisplayName} back in"), Timeout);
        Assert.DoesNotContain("No one has been removed.", page.Markup);
        await (await room.StudentA.Http.PostAsJsonAsync("/api/seminars/join", new { joinCode = code })).ProblemDetailAsync(HttpStatusCode.Forbidden);

        await page.ClickAsync(() => Button(page, $"Let {room.StudentA.DisplayName} back in"));

        await page.WaitForAssertionAsync(() => Assert.Contains("No one has been removed.", page.Markup), Timeout);
        Assert.Contains(snackbar.ShownSnackbars, s => s.Message == $"{room.StudentA.DisplayName} can join again with the join code or link.");
        await (await room.StudentA.Http.PostAsJsonAsync("/api/seminars/join", new { joinCode = code })).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_join_code_is_made_only_after_confirming_and_the_switch_closes_joining_in_words()
    {
        var room = await app.CreateClassroomAsync();
        var oldCode = await room.JoinCodeAsync();
        await using var pages = new LiveReadingPages(app);
        var dialogs = pages.RenderDialogProvider();
        var page = pages.Render<SeminarPage>(room.Teacher, p => p.Add(x => x.Id, room.SeminarId));
        await page.WaitForAssertionAsync(() => Assert.Equal(oldCode, page.Find(".join-code").TextContent), Timeout);
        Assert.Contains("Joining is open: anyone with the code or link can join as a student.", page.Markup);

        // Cancelled: the code stays.
        var cancelled = page.ClickAsync(() => Button(page, "New join code"));
        await dialogs.WaitForAssertionAsync(() => Assert.Contains($"The code {oldCode} and its link stop working at once", dialogs.Markup), Timeout);
        await dialogs.ClickAsync(() => DialogButton(dialogs, "Cancel"));
        await cancelled;
        Assert.Equal(oldCode, await room.JoinCodeAsync());

        var confirmed = page.ClickAsync(() => Button(page, "New join code"));
        await dialogs.WaitForAssertionAsync(() => DialogButton(dialogs, "Make a new code"), Timeout);
        await dialogs.ClickAsync(() => DialogButton(dialogs, "Make a new code"));
        await confirmed;

        var newCode = await room.JoinCodeAsync();
        Assert.NotEqual(oldCode, newCode);
        await page.WaitForAssertionAsync(() => Assert.Equal(newCode, page.Find(".join-code").TextContent), Timeout);
        Assert.Contains($"join/{newCode}", page.Markup);

        await page.ChangeAsync(() => page.Find(".join-settings input[type=checkbox]"), false);

        await page.WaitForAssertionAsync(() => Assert.Contains("Joining is closed: the code and link let no one in until you open it again.", page.Markup), Timeout);
        await (await room.Outsider.Http.PostAsJsonAsync("/api/seminars/join", new { joinCode = newCode })).ProblemDetailAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Students_see_neither_the_join_settings_nor_the_Removed_list()
    {
        var room = await app.CreateClassroomAsync();
        await using var pages = new LiveReadingPages(app);
        var page = pages.Render<SeminarPage>(room.StudentA, p => p.Add(x => x.Id, room.SeminarId));
        await page.WaitForAssertionAsync(() => Assert.Contains(room.StudentB.DisplayName, page.Markup), Timeout);

        Assert.Empty(page.FindAll(".join-settings"));
        Assert.DoesNotContain(await room.JoinCodeAsync(), page.Markup);
        Assert.DoesNotContain("Removed", page.Markup);
    }

    private static IElement Button(IRenderedComponent<SeminarPage> page, string name) =>
        page.FindAll("button").Single(b => b.GetAttribute("aria-label") == name || b.TextContent.Trim() == name);

    private static IElement DialogButton(IRenderedComponent<MudDialogProvider> dialogs, string name) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == name);
}
