// In how many words and punctuation marks a place's text is worded differently from the quote, with
// what a reprint or a careless import changes left out: typos (one letter replaced, dropped, doubled or
// swapped in a word), curly or straight quote marks and apostrophes, dash forms, superscript footnote
// markers, and words split at a line end ("interna- tionalism"). A passage that moved keeps its wording,
// so it differs in none or one (an edit of its own); a reworded copy of it - the article says its
// introduction again under "Results" - differs in several.
namespace Annotate.Shared.Anchoring;

internal static class QuoteWording
{
    /// <summary>Words and punctuation marks, typos and typography aside, in which <c>text[span]</c> differs from the quote.</summary>
    public static int Differences(string text, TextSpan span, string quote)
    {
        var selector = Tokens(quote);
        var found = Tokens(text.AsSpan(span.Start, span.Length));
        var prev = new int[found.Count + 1];
        var cur = new int[found.Count + 1];
        for (var j = 0; j <= found.Count; j++) prev[j] = j;
        for (var i = 1; i <= selector.Count; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= found.Count; j++)
                cur[j] = Math.Min(prev[j - 1] + (Same(selector[i - 1], found[j - 1]) ? 0 : 1), Math.Min(prev[j], cur[j - 1]) + 1);
            (prev, cur) = (cur, prev);
        }
        return prev[found.Count];
    }

    private static List<string> Tokens(ReadOnlySpan<char> s)
    {
        var tokens = new List<string>();
        var word = new System.Text.StringBuilder();
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c is >= '⁰' and <= '⁹' or '¹' or '²' or '³') { i++; continue; }
            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(Typographic(c).ToString());
                i++;
                continue;
            }
            word.Clear();
            while (true)
            {
                while (i < s.Length && char.IsLetterOrDigit(s[i])) word.Append(s[i++]);
                // A word split at a line end is one word.
                if (i + 2 >= s.Length || s[i] != '-' || s[i + 1] != ' ' || !char.IsLower(s[i + 2])) break;
                i += 2;
            }
            tokens.Add(word.ToString());
        }
        return tokens;
    }

    private static char Typographic(char c) => c switch
    {
        '“' or '”' or '„' or '«' or '»' => '"',
        '‘' or '’' => '\'',
        '–' or '—' => '-',
        _ => c,
    };

    /// <summary>The same word, or the same word with a typo: one letter replaced, dropped, doubled or swapped with its neighbour.</summary>
    private static bool Same(string a, string b)
    {
        if (a == b) return true;
        if (Math.Max(a.Length, b.Length) < 3 || Math.Abs(a.Length - b.Length) > 1 || !char.IsLetterOrDigit(a[0]) || !char.IsLetterOrDigit(b[0])) return false;
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        if (a.Length != b.Length)
        {
            var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
            return longer.AsSpan(i + 1).SequenceEqual(shorter.AsSpan(i));
        }
        if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))) return true;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
    }
}
