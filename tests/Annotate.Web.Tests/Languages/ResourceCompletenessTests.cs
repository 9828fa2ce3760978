using System.Text.RegularExpressions;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// Every string in both languages (issue 16): the English and Vietnamese resource files hold the same keys, none
/// empty, with the same placeholders; every key the app's code asks for exists; and no Vietnamese entry is left as
/// its English words.
/// </summary>
public sealed partial class ResourceCompletenessTests
{
    private static readonly string Web = ResourceFiles.Web;
    private static readonly Dictionary<string, string> English = ResourceFiles.English;
    private static readonly Dictionary<string, string> Vietnamese = ResourceFiles.Vietnamese;

    /// <summary>Entries that read the same in both languages on purpose (names, codes).</summary>
    private static readonly HashSet<string> SameInBoth = [];

    [Fact]
    public void Both_languages_have_the_same_keys_and_none_is_empty()
    {
        Assert.Empty(English.Keys.Except(Vietnamese.Keys));
        Assert.Empty(Vietnamese.Keys.Except(English.Keys));
        Assert.Empty(English.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
        Assert.Empty(Vietnamese.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
    }

    [Fact]
    public void Each_translation_has_the_placeholders_of_its_English()
    {
        var differing = English.Where(e => Vietnamese.TryGetValue(e.Key, out var vi) && !Placeholders(e.Value).SetEquals(Placeholders(vi)))
            .Select(e => e.Key);
        Assert.Empty(differing);
    }

    [Fact]
    public void No_translation_is_left_in_english()
    {
        var untranslated = English.Where(e => !SameInBoth.Contains(e.Key) && Vietnamese.GetValueOrDefault(e.Key) == e.Value).Select(e => e.Key);
        Assert.Empty(untranslated);
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists()
    {
        var asked = Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Asked().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups.Values.Skip(1).First(g => g.Success).Value)))
            .ToList();

        Assert.NotEmpty(asked);
        Assert.Empty(asked.Where(a => !English.ContainsKey(a.Key)).Select(a => $"{a.File}: {a.Key}"));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>
    /// A localizer asked for a key: <c>L["AppBar.SignIn"]</c> or <c>L["AppBar.FeedbackUnread", n]</c> in a component,
    /// <c>strings["Problem.NoSuchDocument"]</c> in a service, <c>Words.Text("Mail.OpenIt")</c> where no localizer is injected, a problem's key handed on (<c>"Problem.TeachersOnlyGroups"</c>).
    /// </summary>
    [GeneratedRegex("""\b(?:L|strings)\["([A-Za-z][\w.]*)"[\],]|\bText\("([A-Z][A-Za-z]*\.[A-Z][A-Za-z]+)"[,)]|"(Problem\.[A-Z][A-Za-z]+)"[,)]""")]
    private static partial Regex Asked();
}
