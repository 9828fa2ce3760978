using System.Xml.Linq;

namespace Annotate.Web.Tests.Languages;

/// <summary>The app's words as its resource files hold them: key to value, English and Vietnamese.</summary>
internal static class ResourceFiles
{
    public static readonly string Web = Path.Combine(RepositoryRoot(), "src", "Web");
    public static readonly Dictionary<string, string> English = Read("Strings.resx");
    public static readonly Dictionary<string, string> Vietnamese = Read("Strings.vi.resx");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Web, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Annotate.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Annotate.sln not found above the test's directory.");
    }
}
