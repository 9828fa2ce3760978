using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Annotate.Shared.Mentions;

/// <summary>
/// How a mention is written in a Markdown body (contract §6): <c>@[Display Name](user:{userId})</c>, a Markdown
/// link to a <c>user:</c> address right after an "@". Read with Markdig itself, so that what looks like a mention
/// inside code (<c>`@[x](user:y)`</c>) or an escaped bracket is not one, exactly as the renderer will draw it.
/// </summary>
public static class MentionSyntax
{
    public const string Scheme = "user:";

    /// <summary>Longest user id taken (Identity's are GUIDs); anything longer is no mention.</summary>
    private const int MaxIdLength = 64;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>The mentions of <paramref name="markdown"/> in the order written; the same person may appear more than once.</summary>
    public static IReadOnlyList<Mention> Parse(string markdown)
    {
        if (string.IsNullOrEmpty(markdown) || !markdown.Contains("](" + Scheme, StringComparison.Ordinal)) return [];
        var mentions = new List<Mention>();
        foreach (var link in Markdown.Parse(markdown, Pipeline).Descendants<LinkInline>())
        {
            if (UserIdOf(link) is not { } userId) continue;
            var at = link.Span.Start - 1;
            if (at < 0 || markdown[at] != '@') continue;
            mentions.Add(new Mention(userId, Text.LinkText.Of(link), at, link.Span.End - at + 1));
        }
        return mentions;
    }

    /// <summary>The user a link names, when it is a mention's link (not an image, a <c>user:</c> address with a sensible id).</summary>
    public static string? UserIdOf(LinkInline link)
    {
        if (link.IsImage || link.Url is not { } url || !url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var id = url[Scheme.Length..];
        return id.Length is > 0 and <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? id : null;
    }

    /// <summary>How the editor writes a mention of <paramref name="displayName"/>: brackets and backslashes in the name escaped.</summary>
    public static string Write(string displayName, string userId)
    {
        var name = new System.Text.StringBuilder(displayName.Length + 4);
        foreach (var c in displayName.ReplaceLineEndings(" "))
        {
            if (c is '[' or ']' or '\\' or '*' or '_' or '`') name.Append('\\');
            name.Append(c);
        }
        return $"@[{name}]({Scheme}{userId})";
    }
}
