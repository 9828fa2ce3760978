using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>
/// Where tests put screenshots: screenshots-tmp/ at the repository root (ignored by git), to look at after a
/// run; those the docs show go to docs/screenshots/ instead when ANNOTATE_UPDATE_SCREENSHOTS=1.
/// </summary>
public static class Screenshots
{
    public static string PathOf(string name, bool shownInDocs = false)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Annotate.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Annotate.sln not found above the test binaries.");
        var update = shownInDocs && Environment.GetEnvironmentVariable("ANNOTATE_UPDATE_SCREENSHOTS") == "1";
        return Path.Combine(root.FullName, update ? "docs/screenshots" : "screenshots-tmp", name);
    }

    /// <summary>Saves what the page shows now and names the file in the test output.</summary>
    public static async Task<string> SaveAsync(IPage page, string name, ITestOutputHelper output, bool shownInDocs = false)
    {
        var path = PathOf(name, shownInDocs);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });
        output.WriteLine($"Screenshot: {path}");
        return path;
    }
}
