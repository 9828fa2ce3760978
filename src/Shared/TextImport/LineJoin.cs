namespace Annotate.Shared.TextImport;

/// <summary>
/// Joins the hard-wrapped lines of one paragraph. The only hard case is a line that ends in "-":
/// a word the typesetter split ("revolu-/tionary"), a real compound or number range that happened
/// to break at its hyphen ("self-/liberation", "87-/88"), or a spaced dash ("nationalism -/nationalism").
/// </summary>
internal sealed class LineJoin(string wholeText)
{
    // Prefixes that keep their hyphen whatever follows. Deliberately short: "pre-", "ex-" or "all-"
    // are also where typesetters split ordinary words ("pre-vious", "ex-ample", "all-owed").
    private static readonly HashSet<string> HyphenatedPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "self", "quasi", "half", "cross", "socio", "well",
    };

    private readonly string _wholeText = wholeText;

    public string Join(IReadOnlyList<SourceLine> lines)
    {
        var result = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            if (result.Length == 0)
            {
                result.Append(line.Text);
                continue;
            }
            switch (Seam(result, line.Text))
            {
                case SeamKind.Space:
                    result.Append(' ');
                    break;
                case SeamKind.DropHyphen:
                    result.Length--;
                    break;
                case SeamKind.Glue:
                    break;
            }
            result.Append(line.Text);
        }
        return result.ToString();
    }

    private enum SeamKind { Space, Glue, DropHyphen }

    private SeamKind Seam(System.Text.StringBuilder before, string next)
    {
        var last = before[^1];
        if (last == '\u00AD') return SeamKind.DropHyphen; // a soft hyphen is a break opportunity, never text
        if (last is not ('-' or '–' or '—')) return SeamKind.Space;

        // "modern nationalism -" + "nationalism": a spaced dash stays a spaced dash.
        if (before.Length < 2 || before[^2] == ' ') return SeamKind.Space;
        // Dashes proper join their words as they stand ("1864–" + "1889").
        if (last != '-') return SeamKind.Glue;

        var left = TrailingWord(before);
        var right = LeadingWord(next);
        if (left.Length == 0 || right.Length == 0) return SeamKind.Glue;
        // "p. 87-" + "88": a range, not a split word.
        if (char.IsDigit(left[^1]) || char.IsDigit(right[0])) return SeamKind.Glue;

        // The document is the best dictionary: if it writes the word elsewhere, follow it.
        if (Occurs(left + "-" + right)) return SeamKind.Glue;
        if (Occurs(left + right)) return SeamKind.DropHyphen;

        // "Marxism-" + "Leninism", "self-" + "liberation": compounds keep their hyphen.
        if (char.IsUpper(right[0]) || HyphenatedPrefixes.Contains(left)) return SeamKind.Glue;
        // A lowercase word broken in two: the usual typesetter's hyphen.
        return char.IsLower(left[^1]) && char.IsLower(right[0]) ? SeamKind.DropHyphen : SeamKind.Glue;
    }

    private bool Occurs(string word)
    {
        // Whole-word occurrences only: "selfliberation" must not be found inside a longer word.
        var from = 0;
        while (true)
        {
            var at = _wholeText.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            var end = at + word.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(_wholeText[at - 1]);
            var endsWord = end == _wholeText.Length || !char.IsLetterOrDigit(_wholeText[end]);
            if (startsWord && endsWord) return true;
            from = at + 1;
        }
    }

    private static string TrailingWord(System.Text.StringBuilder before)
    {
        // The word before the final hyphen.
        var end = before.Length - 1;
        var start = end;
        while (start > 0 && char.IsLetterOrDigit(before[start - 1])) start--;
        return before.ToString(start, end - start);
    }

    private static string LeadingWord(string next)
    {
        var end = 0;
        while (end < next.Length && char.IsLetterOrDigit(next[end])) end++;
        return next[..end];
    }
}
