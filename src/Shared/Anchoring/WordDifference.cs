// How many words of a selector (prefix, quote, suffix) a place differs in: an edit distance over
// words and punctuation marks instead of characters. Edits come a word at a time - a typo, a word
// inserted or deleted - and so do the differences between two near-copies of a passage, which this
// article has (its introduction is repeated, reworded here and there, under "Results"). Counted in
// characters, one inserted long word next to the passage outweighs a short word that differs in its
// copy; counted in words, the two are alike, so a lead of one word between near-copies is a lead
// that a single edit could have made, and AnchorVerdict does not take it.
namespace Annotate.Shared.Anchoring;

internal static class WordDifference
{
    /// <summary>Text beyond the context's length that a side may need, for words inserted into it.</summary>
    private const int Slack = 16;

    /// <summary>Words (and punctuation marks) in which <c>text[span]</c> and its surroundings differ from the selector.</summary>
    public static int Of(string text, TextSpan span, TextQuoteSelector quote)
    {
        var before = text.AsSpan(Math.Max(0, span.Start - quote.Prefix.Length - Slack), Math.Min(span.Start, quote.Prefix.Length + Slack));
        var after = text.AsSpan(span.End, Math.Min(text.Length - span.End, quote.Suffix.Length + Slack));
        return Side(Tokens(quote.Prefix, reverse: true), Tokens(before, reverse: true), Cut.Start)
            + Distances(Tokens(quote.Exact, reverse: false), Tokens(text.AsSpan(span.Start, span.Length), reverse: false), Cut.None)[^1]
            + Side(Tokens(quote.Suffix, reverse: false), Tokens(after, reverse: false), Cut.End);
    }

    /// <summary>Words and single punctuation marks, white space left out; read from the quote outwards when <paramref name="reverse"/>.</summary>
    private static List<string> Tokens(ReadOnlySpan<char> s, bool reverse)
    {
        var tokens = new List<string>();
        for (var i = 0; i < s.Length;)
        {
            if (char.IsWhiteSpace(s[i])) { i++; continue; }
            var start = i;
            if (char.IsLetterOrDigit(s[i])) { while (i < s.Length && char.IsLetterOrDigit(s[i])) i++; }
            else i++;
            tokens.Add(s[start..i].ToString());
        }
        if (reverse) tokens.Reverse();
        return tokens;
    }

    /// <summary>Where the selector's outermost word may have been cut: at its start (the prefix's first word) or its end (the suffix's last).</summary>
    private enum Cut { None, Start, End }

    /// <summary>Context read outwards: the text may run on past the selector's outermost word, which may be cut short.</summary>
    private static int Side(List<string> selector, List<string> text, Cut cut) =>
        selector.Count == 0 ? 0 : Distances(selector, text, cut).Min();

    // The last row of the word edit distance table: row[j] = distance between all of the selector and text[..j].
    private static int[] Distances(List<string> selector, List<string> text, Cut cut)
    {
        var prev = new int[text.Count + 1];
        var cur = new int[text.Count + 1];
        for (var j = 0; j <= text.Count; j++) prev[j] = j;
        for (var i = 1; i <= selector.Count; i++)
        {
            cur[0] = i;
            var word = selector[i - 1];
            // The context was cut at 32 code points, most likely inside a word: its outermost word
            // agrees with any word that it begins (or, on the prefix side, ends).
            var outermost = cut != Cut.None && i == selector.Count;
            for (var j = 1; j <= text.Count; j++)
            {
                var same = word == text[j - 1] || (outermost && Truncates(word, text[j - 1], cut));
                cur[j] = Math.Min(prev[j - 1] + (same ? 0 : 1), Math.Min(prev[j], cur[j - 1]) + 1);
            }
            (prev, cur) = (cur, prev);
        }
        return prev;
    }

    // Tokens keep their letters in text order, so a prefix cut at its start holds the end of a longer word.
    private static bool Truncates(string part, string word, Cut cut) =>
        word.Length > part.Length && (cut == Cut.Start ? word.EndsWith(part, StringComparison.Ordinal) : word.StartsWith(part, StringComparison.Ordinal));
}
