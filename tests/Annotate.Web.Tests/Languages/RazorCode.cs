using System.Text;

namespace Annotate.Web.Tests.Languages;

/// <summary>
/// Takes the C# out of Razor markup for <see cref="RazorLiteralTests"/>, so that what is left is tags, attributes and
/// the words between them. Regular expressions cannot do it: a condition (<c>@if (count &gt; 3)</c>), a lambda in an
/// attribute (<c>OnClick="() =&gt; Save()"</c>) or a lookup over several lines has a "&gt;" that reads as a tag's end,
/// and parentheses nest. So this scans: <c>@(…)</c>, <c>@{…}</c>, <c>@name.Member(…)[…]</c>, and the head of
/// <c>@if/@foreach/@for/@while/@switch/@using/@lock (…)</c> and <c>else if (…)</c> become spaces (C# strings and
/// interpolations inside them skipped whole), and a "&lt;" or "&gt;" inside a quoted attribute value becomes a guillemet.
/// </summary>
internal static class RazorCode
{
    private static readonly string[] Statements = ["if", "foreach", "for", "while", "switch", "using", "lock"];

    public static string Strip(string razor)
    {
        var output = new StringBuilder(razor.Length);
        var at = 0;
        var inTag = false;
        char? quote = null;
        while (at < razor.Length)
        {
            var c = razor[at];
            if (c == '@' && at + 1 < razor.Length && razor[at + 1] == '@')
            {
                output.Append("@@");
                at += 2;
                continue;
            }
            // An "@" after a letter is an address (name@example.com), as Razor reads it too.
            if (c == '@' && (at == 0 || !char.IsLetterOrDigit(razor[at - 1])) && ExpressionEnd(razor, at) is { } end)
            {
                output.Append(Blank(razor, at, end));
                at = end;
                continue;
            }
            if (!inTag && c == '}' && ElseIfEnd(razor, at) is { } elseIf)
            {
                output.Append("} else").Append(Blank(razor, at + 1, elseIf));
                at = elseIf;
                continue;
            }
            if (inTag && quote is { } open)
            {
                if (c == open) quote = null;
                output.Append(c switch { '<' => '‹', '>' => '›', _ => c });
            }
            else if (inTag)
            {
                if (c is '"' or '\'') quote = c;
                else if (c == '>') inTag = false;
                output.Append(c);
            }
            else
            {
                if (c == '<' && at + 1 < razor.Length && (char.IsAsciiLetter(razor[at + 1]) || razor[at + 1] == '/')) inTag = true;
                output.Append(c);
            }
            at++;
        }
        return output.ToString();
    }

    /// <summary>Where a Razor expression or statement head starting at <paramref name="at"/> (an "@") ends, or null for none.</summary>
    private static int? ExpressionEnd(string text, int at)
    {
        var next = at + 1;
        if (next >= text.Length) return null;
        if (text[next] == '(') return Balanced(text, next);
        if (text[next] == '{') return Balanced(text, next);
        if (!char.IsLetter(text[next]) && text[next] != '_') return null;
        var end = Identifier(text, next);
        var word = text[next..end];
        if (word is "code" or "functions") return null;
        if (Statements.Contains(word))
        {
            var open = SkipSpace(text, end);
            return open < text.Length && text[open] == '(' ? Balanced(text, open) : end;
        }
        // An implicit expression: a name, then members, calls and indexers, as Razor reads it (no spaces).
        while (end < text.Length)
        {
            if (text[end] is '(' or '[') end = Balanced(text, end);
            else if (text[end] == '.' && end + 1 < text.Length && char.IsLetter(text[end + 1])) end = Identifier(text, end + 1);
            else if (text[end] == '?' && end + 2 < text.Length && text[end + 1] == '.' && char.IsLetter(text[end + 2])) end = Identifier(text, end + 2);
            else break;
        }
        return end;
    }

    /// <summary>After a "}" at <paramref name="at"/>: the end of an <c>else if (…)</c> head, or null.</summary>
    private static int? ElseIfEnd(string text, int at)
    {
        var word = SkipSpace(text, at + 1);
        if (!text.AsSpan(word).StartsWith("else")) return null;
        var @if = SkipSpace(text, word + 4);
        if (!text.AsSpan(@if).StartsWith("if")) return null;
        var open = SkipSpace(text, @if + 2);
        return open < text.Length && text[open] == '(' ? Balanced(text, open) : null;
    }

    /// <summary>The index after the bracket that closes the one at <paramref name="at"/>, skipping C# strings and characters.</summary>
    private static int Balanced(string text, int at)
    {
        var depth = 0;
        for (var i = at; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (--depth == 0) return i + 1;
                    break;
                case '"':
                    i = StringEnd(text, i, interpolated: i > 0 && text[i - 1] == '$', verbatim: i > 0 && text[i - 1] == '@') - 1;
                    break;
                case '\'' when i + 2 < text.Length:
                    i = text[i + 1] == '\\' ? text.IndexOf('\'', i + 3) : i + 2;
                    if (i < 0) return text.Length;
                    break;
            }
        }
        return text.Length;
    }

    /// <summary>The index after the string whose opening quote is at <paramref name="at"/>; interpolations skipped whole.</summary>
    private static int StringEnd(string text, int at, bool interpolated, bool verbatim)
    {
        for (var i = at + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && !verbatim) i++;
            else if (text[i] == '"') return i + 1;
            else if (interpolated && text[i] == '{')
            {
                if (i + 1 < text.Length && text[i + 1] == '{') i++;
                else i = Balanced(text, i) - 1;
            }
        }
        return text.Length;
    }

    private static int Identifier(string text, int at)
    {
        while (at < text.Length && (char.IsLetterOrDigit(text[at]) || text[at] == '_')) at++;
        return at;
    }

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
        return at;
    }

    /// <summary>The code replaced by spaces, its line breaks kept (the check reads markup line by line).</summary>
    private static string Blank(string text, int from, int to) =>
        new([.. text[from..to].Select(ch => ch == '\n' ? '\n' : ' ')]);
}
