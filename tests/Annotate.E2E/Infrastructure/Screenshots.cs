using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>Screenshots for a person to look at, in screenshots-tmp/ at the repository root (ignored by git).</summary>
public static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Annotate.sln"))) root = root.Parent;
        var path = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "screenshots-tmp", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });
        return path;
    }
}
