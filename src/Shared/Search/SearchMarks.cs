using System.Globalization;
using Annotate.Shared.Anchoring;

namespace Annotate.Shared.Search;

/// <summary>
/// Where the words of a search occur in a text, to mark them in a result. Words are split as the search index
/// splits them (runs of letters, digits and combining marks; everything else separates) and compared as the index
/// compares them (<see cref="SearchFold"/>: case, diacritics and Unicode form ignored): a phrase is its words one after the other, whatever stands between them.
/// </summary>
public static class SearchMarks
{
    /// <summary>The spans (UTF-16, end exclusive, in order, not overlapping) of <paramref name="text"/> where one of <paramref name="terms"/> occurs.</summary>
    public static IReadOnlyList<TextSpan> Find(string text, IEnumerable<string> terms)
    {
        var words = Words(text);
        var keys = words.Select(w => Key(text.AsSpan(w.Start, w.End - w.Start))).ToArray();
        var found = new List<TextSpan>();
        foreach (var term in terms)
        {
            var wanted = Words(term).Select(w => Key(term.AsSpan(w.Start, w.End - w.Start))).ToArray();
            if (wanted.Length == 0) continue;
            for (var i = 0; i + wanted.Length <= keys.Length; i++)
                if (keys.AsSpan(i, wanted.Length).SequenceEqual(wanted))
                    found.Add(new TextSpan(words[i].Start, words[i + wanted.Length - 1].End));
        }
        // One mark where matches overlap (a word that is also part of a phrase searched).
        var spans = new List<TextSpan>();
        foreach (var span in found.OrderBy(s => s.Start))
        {
            if (spans.Count > 0 && span.Start <= spans[^1].End)
                spans[^1] = new TextSpan(spans[^1].Start, Math.Max(spans[^1].End, span.End));
            else
                spans.Add(span);
        }
        return spans;
    }

    /// <summary>The words of <paramref name="text"/> as the index sees them.</summary>
    public static IReadOnlyList<TextSpan> Words(string text)
    {
        var words = new List<TextSpan>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordCharacter(text, i);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add(new TextSpan(start, i));
                start = -1;
            }
        }
        return words;
    }

    private static bool IsWordCharacter(string text, int index)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        // A surrogate pair's second half belongs to the character the first one started.
        if (char.IsLowSurrogate(text[index]) && index > 0 && char.IsHighSurrogate(text[index - 1]))
            category = CharUnicodeInfo.GetUnicodeCategory(text, index - 1);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.PrivateUse;
    }

    private static string Key(ReadOnlySpan<char> word) => SearchFold.Fold(word.ToString());
}
