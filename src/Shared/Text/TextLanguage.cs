using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Annotate.Shared.Text;

/// <summary>
/// The language a document is written in, as a BCP 47 tag: what the add-document form proposes, and the check on a
/// tag someone sends. The guess is deliberately simple, since a person confirms it in the form: Vietnamese writes
/// almost every syllable with a diacritic that English never uses (ă, ơ, ư, đ, tone marks), so a text in which at
/// least <see cref="VietnameseShare"/> of the words carry a letter only Vietnamese has is <c>vi</c>, any other
/// text <c>en</c>. An English text quoting a Vietnamese name or two stays English; a Vietnamese text quoting English
/// passages stays Vietnamese.
/// </summary>
public static partial class TextLanguage
{
    public const string English = "en";
    public const string Vietnamese = "vi";

    /// <summary>The languages the forms offer (the app's own two); the API takes any well-formed tag.</summary>
    public static readonly IReadOnlyList<string> Offered = [English, Vietnamese];

    /// <summary>
    /// The longest tag kept (the column's size): RFC 5646 asks every implementation to take tags of 35 characters, and
    /// a longer one, though well formed, would not fit the PostgreSQL column (an error instead of an answer).
    /// </summary>
    public const int MaxLength = 35;

    /// <summary>Share of words with a Vietnamese letter above which a text is Vietnamese (real Vietnamese prose: 60–80 %).</summary>
    public const double VietnameseShare = 0.2;

    /// <summary>How many words are looked at: the opening of a long text says enough, and a 2 MB text is not read whole.</summary>
    private const int WordsRead = 2000;

    public static string Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return English;
        var words = 0;
        var vietnamese = 0;
        foreach (Match word in Word().Matches(text))
        {
            words++;
            if (HasVietnameseLetter(word.ValueSpan)) vietnamese++;
            if (words == WordsRead) break;
        }
        return words > 0 && vietnamese >= words * VietnameseShare ? Vietnamese : English;
    }

    /// <summary>
    /// A tag as stored: trimmed, lower-case language with its subtags ("pt-BR" stays "pt-BR"); null for none or
    /// for something that is not a BCP 47 language tag (false: the caller refuses it).
    /// </summary>
    public static bool TryNormalise(string? tag, out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(tag)) return true;
        var trimmed = tag.Trim();
        if (trimmed.Length > MaxLength || !Tag().IsMatch(trimmed)) return false;
        var parts = trimmed.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        normalised = string.Join('-', parts);
        return true;
    }

    /// <summary>
    /// A letter with a mark English never writes: a tone mark (grave, acute, hook, tilde, dot below) on a vowel, or
    /// ă, â, ê, ô, ơ, ư, đ. Decomposed or composed text reads the same.
    /// </summary>
    private static bool HasVietnameseLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is 'đ' or 'Đ') return true;
            if (c < 'À') continue;
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            foreach (var part in decomposed)
                if (CharUnicodeInfo.GetUnicodeCategory(part) == UnicodeCategory.NonSpacingMark && VietnameseMarks.Contains(part)) return true;
        }
        return false;
    }

    // Grave, acute, circumflex, tilde, breve, hook above, horn, dot below.
    private const string VietnameseMarks = "\u0300\u0301\u0302\u0303\u0306\u0309\u031B\u0323";

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*")]
    private static partial Regex Word();

    // A language of 2–3 letters (ISO 639; the longer registered ones are not used, and "English" is not a tag), then
    // script, region and variants: letters and digits, 1–8 each.
    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex Tag();
}
