using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>Screenshots for people to look at, written to screenshots-tmp/ at the root of the repository.</summary>
public static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Annotate.sln"))) root = root.Parent;
        var path = Path.Combine(root!.FullName, "screenshots-tmp", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
