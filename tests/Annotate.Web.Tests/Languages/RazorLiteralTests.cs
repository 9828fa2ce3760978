using System.Text.RegularExpressions;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// A static check over the components (issue 16): no words written straight into markup, between tags or in the
/// attributes people read (<c>aria-label</c>, <c>title</c>, <c>placeholder</c>, MudBlazor's <c>Label</c>,
/// <c>HelperText</c>, <c>Title</c>, <c>Text</c>), only localizer lookups; symbols and the app's name excepted. It
/// reads markup only (<see cref="RazorCode"/> takes the C# out): <c>@code</c> blocks are the every-page test's and the
/// resource test's to watch.
/// </summary>
public sealed partial class RazorLiteralTests
{
    /// <summary>Words that read the same in every language: the app's name, an example address.</summary>
    private static readonly HashSet<string> SameInEveryLanguage = ["Annotate", "name@example.com", "Android", "iOS"];

    [Fact]
    public void Components_have_no_words_outside_the_resources()
    {
        var components = Path.Combine(ResourceFiles.Web, "Components");
        var found = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(components, f).Replace('\\', '/'), Markup: Markup(System.IO.File.ReadAllText(f))))
            .SelectMany(f => Literals(f.Markup).Select(literal => $"{f.File}: {literal}"))
            .ToList();

        Assert.True(found.Count == 0, $"Words written into markup instead of the resources:\n{string.Join('\n', found)}");
    }

    [Fact]
    public void The_check_finds_text_and_attributes_and_passes_lookups()
    {
        const string markup = """
            <h1>Log in</h1>
            <MudButton aria-label="Close the panel">@L["Layout.Dismiss"]</MudButton>
            <MudTextField Label="@L["Thread.Reply"]" Placeholder="Write here" />
            <span title="@L["Manage.Confirmed"]">✓</span> <span>Annotate</span>
            """;

        Assert.Equal(["Close the panel", "Log in", "Write here"], Literals(Markup(markup)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_check_reads_past_comparisons_lambdas_and_lookups_over_several_lines()
    {
        const string markup = """
            @if (items.Count > 3 && Title(x => x.Name) is "a > b")
            {
                <MudButton OnClick="() => SaveAsync(items.Where(i => i.Count > 1))" Disabled="@(count >= 2)">@L["Seminar.Save",
                    items.Count > 1 ? "many" : "one"]</MudButton>
            }
            else if (count > 1)
            {
                <span class="@(busy ? "busy" : "")">Still here</span>
            }
            <p>Write to name@example.com or @Person.Name(x => x > 0) now</p>
            @foreach (var item in items.Where(i => i.Size > 2)) { <b>@item.Name</b> }
            """;

        Assert.Equal(["Still here", "Write to name or now"], Literals(Markup(markup)).Order(StringComparer.Ordinal));
    }

    /// <summary>The file's markup: without comments, directives (<c>@inject</c>...), its <c>@code</c> block, scripts and styles.</summary>
    private static string Markup(string razor)
    {
        var markup = Directive().Replace(RazorComment().Replace(razor, ""), "");
        var code = CodeBlock().Match(markup);
        if (code.Success) markup = markup[..code.Index];
        return RazorCode.Strip(ScriptOrStyle().Replace(markup, ""));
    }

    private static List<string> Literals(string markup)
    {
        var literals = new List<string>();
        foreach (Match attribute in ReadAttribute().Matches(markup))
            if (IsWords(attribute.Groups[2].Value)) literals.Add(attribute.Groups[2].Value);
        foreach (Match text in TextBetweenTags().Matches(markup))
        {
            // ">=" of a C# condition in markup (@if (x is { Count: >= 3 })) is no tag's end.
            if (text.Groups[1].Value.StartsWith('=')) continue;
            // Razor between tags: expressions (@L["…"], @(…), @name.Member) and C# lines (@if, else, braces) are not text.
            var words = string.Join(' ', text.Groups[1].Value.Split('\n')
                .Select(line => line.Trim())
                .Where(line => !CodeLine().IsMatch(line))
                .Select(line => RazorExpression().Replace(line, " ")));
            if (IsWords(words)) literals.Add(string.Join(' ', words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        }
        return literals;
    }

    private static bool IsWords(string value) =>
        !value.TrimStart().StartsWith('@') && Letters().IsMatch(value.Replace("Annotate", "", StringComparison.Ordinal)) && !CodeLike().IsMatch(value)
        && !SameInEveryLanguage.Contains(value.Trim());

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"^\s*@(inject|using|page|attribute|inherits|implements|layout|typeparam|rendermode|namespace)\b.*$", RegexOptions.Multiline)]
    private static partial Regex Directive();

    [GeneratedRegex(@"^@code\s*\{", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"\s(aria-label|title|placeholder|Placeholder|Label|HelperText|Title|Text|alt)=""([^""]*)""")]
    private static partial Regex ReadAttribute();

    [GeneratedRegex(@">([^<>]+)<")]
    private static partial Regex TextBetweenTags();

    /// <summary>@L["…"], @(…) with one level of nested parentheses, @name.Member(…), @@ and character references.</summary>
    [GeneratedRegex(@"@L\[[^\]]*\]|@\((?:[^()]|\([^()]*\))*\)|@[A-Za-z_][\w.]*(\((?:[^()]|\([^()]*\))*\))?(\[[^\]]*\])?|&\w+;|&#\w+;")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@"^(\}|\{|else\b|default:|@?(if|foreach|for|while|switch|case|var|return|break)\b|\}\s*else|@\{|@:|[\w.]+\s*=|//)")]
    private static partial Regex CodeLine();

    /// <summary>What is left of C# between a "&gt;" in it and the next tag: a lambda, closing calls, a member access.</summary>
    [GeneratedRegex(@"=>|\)\)|\(""|^\s*\.")]
    private static partial Regex CodeLike();

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex Letters();
}
