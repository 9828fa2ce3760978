// Code points <-> UTF-16 indexes. Selectors count Unicode code points (W3C rule) while .NET strings
// and the matchers work in UTF-16, so every conversion and every "n code points of context" walk
// lives here, in one place, with one answer to what a surrogate pair or a lone surrogate is.
//
// Rules: a high surrogate directly followed by a low surrogate is one code point; every other char,
// a lone surrogate included, is one code point of its own (as JavaScript's string iterator does), so
// any string, even a malformed one, has a well-defined code point length.
namespace Annotate.Shared.Anchoring;

internal static class CodePoints
{
    /// <summary>True when <paramref name="index"/> falls between the two halves of a surrogate pair.</summary>
    public static bool SplitsPair(string text, int index) =>
        index > 0 && index < text.Length
        && char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index]);

    /// <summary>Number of code points in <c>text[..utf16Index]</c>.</summary>
    public static int CountBefore(string text, int utf16Index)
    {
        var head = text.AsSpan(0, utf16Index);
        var pairs = 0;
        var i = 0;
        while (true)
        {
            // Jump from surrogate to surrogate: most texts have few or none, and the vectorised
            // search is far cheaper than a char loop when the reading page converts hundreds of offsets.
            var next = head[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (next < 0) return utf16Index - pairs;
            i += next;
            if (i + 1 < head.Length && char.IsHighSurrogate(head[i]) && char.IsLowSurrogate(head[i + 1]))
            {
                pairs++;
                i += 2;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>
    /// UTF-16 index of code point <paramref name="codePoint"/>, or false when it is negative or past the
    /// end (the end itself, one past the last code point, is valid).
    /// </summary>
    public static bool TryToUtf16(string text, int codePoint, out int index)
    {
        index = 0;
        if (codePoint < 0) return false;

        var i = 0;
        var remaining = codePoint;
        while (true)
        {
            // Up to the next surrogate, code points and UTF-16 units agree one to one.
            var window = text.AsSpan(i, Math.Min(remaining, text.Length - i));
            var next = window.IndexOfAnyInRange('\uD800', '\uDFFF');
            if (next < 0)
            {
                if (remaining > text.Length - i) return false;
                index = i + remaining;
                return true;
            }
            i += next;
            remaining -= next + 1;
            i += IsPairAt(text, i) ? 2 : 1;
            if (remaining == 0)
            {
                index = i;
                return true;
            }
        }
    }

    /// <summary>Moves an index that splits a surrogate pair back to the pair's start.</summary>
    public static int SnapBack(string text, int index) => SplitsPair(text, index) ? index - 1 : index;

    /// <summary>Moves an index that splits a surrogate pair forward past the pair's end.</summary>
    public static int SnapForward(string text, int index) => SplitsPair(text, index) ? index + 1 : index;

    /// <summary>UTF-16 index that lies up to <paramref name="count"/> code points before <paramref name="index"/>.</summary>
    public static int Back(string text, int index, int count)
    {
        var i = index;
        while (count > 0 && i > 0)
        {
            i -= i >= 2 && IsPairAt(text, i - 2) ? 2 : 1;
            count--;
        }
        return i;
    }

    /// <summary>UTF-16 index that lies up to <paramref name="count"/> code points after <paramref name="index"/>.</summary>
    public static int Forward(string text, int index, int count)
    {
        var i = index;
        while (count > 0 && i < text.Length)
        {
            i += IsPairAt(text, i) ? 2 : 1;
            count--;
        }
        return i;
    }

    private static bool IsPairAt(string text, int i) =>
        i + 1 < text.Length && char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]);
}
