using Annotate.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E;

/// <summary>
/// Two browsers: a teacher announces to the seminar through the form on its page, and the student's bell, open in
/// another browser, counts it without a reload; opened (by keyboard), it lists the announcement, and
/// "Mark all read" clears the count.
/// </summary>
[Collection(SeminarCollection.Name)]
public sealed class NotificationBellTests(AppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_bell_counts_a_teachers_announcement_live_in_another_browser()
    {
        await using var teacher = await app.NewReaderAsync("Tomas Teacher");
        await using var student = await app.NewReaderAsync("Sofia Student");
        var seminar = await teacher.PostJsonAsync(app.RootUri, "/api/seminars", new { name = "Bell seminar" });
        var seminarId = seminar.GetProperty("id").GetInt32();
        await student.PostJsonAsync(app.RootUri, "/api/seminars/join", new { joinCode = seminar.GetProperty("joinCode").GetString() });

        await student.Page.GotoAsync(new Uri(app.RootUri, $"seminars/{seminarId}").ToString());
        var bell = student.Page.GetByRole(AriaRole.Button, new() { Name = "Notifications, none unread" });
        await Expect(bell).ToBeVisibleAsync();
        // Live: the page's circuit is up (the bell subscribes once it is).
        await Expect(student.Page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await student.Page.EvaluateAsync("() => { window.__noReload = true; }");

        await teacher.Page.GotoAsync(new Uri(app.RootUri, $"seminars/{seminarId}").ToString());
        await Expect(teacher.Page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        var words = $"No class on Friday: read section II instead. ({Guid.NewGuid():N})";
        await teacher.Page.GetByRole(AriaRole.Textbox, new() { Name = "Announcement" }).FillAsync(words);
        await teacher.Page.GetByRole(AriaRole.Button, new() { Name = "Announce", Exact = true }).ClickAsync();
        await Expect(teacher.Page.GetByText("Announced: the other members")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(teacher.Page, "seminar-announce.png", output);

        var counted = student.Page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 1 unread" });
        await Expect(counted).ToBeVisibleAsync();
        Assert.True(await student.Page.EvaluateAsync<bool>("() => window.__noReload === true"), "The student's page reloaded; the count did not arrive live.");

        await counted.FocusAsync();
        await student.Page.Keyboard.PressAsync("Enter");
        var panel = student.Page.GetByRole(AriaRole.Dialog, new() { Name = "Notifications" });
        await Expect(panel).ToContainTextAsync("Tomas Teacher announced to Bell seminar");
        await Expect(panel).ToContainTextAsync(words);
        // The popover fades in (MudBlazor's 250 ms): the picture waits for the end of it; nothing is asserted on time.
        await student.Page.WaitForTimeoutAsync(500);
        await Screenshots.SaveAsync(student.Page, "notification-bell.png", output);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
        await Expect(student.Page.GetByRole(AriaRole.Button, new() { Name = "Notifications, none unread" })).ToBeVisibleAsync();

        // Where the panel's link leads: the settings, one row per seminar, and the mail choices (this server sends none).
        await student.Page.GotoAsync(new Uri(app.RootUri, "settings/notifications").ToString());
        await Expect(student.Page.GetByRole(AriaRole.Heading, new() { Name = "Bell seminar" })).ToBeVisibleAsync();
        await Expect(student.Page.GetByText("This server sends no e-mail")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(student.Page, "notification-settings.png", output);
    }
}
