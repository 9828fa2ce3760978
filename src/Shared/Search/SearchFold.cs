using System.Globalization;
using System.Text;

namespace Annotate.Shared.Search;

/// <summary>
/// A word as search compares it (issue 16): lower case, without diacritics, "đ" as "d", so "thao luan" finds
/// "thảo luận" and "Đường" finds "duong". The same fold the index makes (FTS5's <c>remove_diacritics 2</c> plus the
/// triggers' "đ", PostgreSQL's <c>annotation_search_fold</c>), so a result marks what the index matched.
/// </summary>
public static class SearchFold
{
    public static string Fold(string value)
    {
        var folded = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return folded.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    /// <summary>Only "đ" as "d", composed: what the SQLite index cannot fold by itself (it has no decomposition).</summary>
    public static string WithoutStrokedD(string value) =>
        value.Normalize(NormalizationForm.FormC).Replace('đ', 'd').Replace('Đ', 'D');
}
