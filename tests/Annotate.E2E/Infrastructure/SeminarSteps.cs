using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Annotate.E2E.Infrastructure;

/// <summary>Seminar set-up done the way a teacher does it, in the browser.</summary>
public static class SeminarSteps
{
    /// <summary>Starts a seminar with a unique name from the home page; ends on its page and answers its name and join code.</summary>
    public static async Task<(string Name, string Code)> StartSeminarAsync(this Reader teacher)
    {
        var name = $"Reading group {Guid.NewGuid():N}"[..22];
        var page = teacher.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-interactive]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Seminar name" }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        return (name, (await page.Locator(".join-code").TextContentAsync())!.Trim());
    }

    /// <summary>Opens the join link and presses Join, as a student does; ends on the seminar's page.</summary>
    public static async Task JoinByLinkAsync(this Reader student, string code)
    {
        await student.Page.GotoAsync($"/join/{code}");
        await student.Page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await student.Page.WaitForURLAsync(url => url.Contains("/seminars/", StringComparison.Ordinal));
    }
}
