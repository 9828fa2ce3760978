using System.Globalization;

namespace Annotate.Web.Features.Search;

/// <summary>
/// How <c>user:</c>, <c>group:</c> and <c>doc:</c> find a name (a display name, a group's name, a title), ignoring case
/// and accents: the names equal to the value when there are any (so <c>group:"Group 1"</c> is not also Group 10),
/// otherwise those that start with it or have a word that does (<c>user:bui</c> finds Ana Bui, <c>user:nguyen</c> Nguyễn).
/// </summary>
internal static class NameMatch
{
    private const CompareOptions Loosely = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    public static List<T> Pick<T>(IEnumerable<T> candidates, Func<T, string> nameOf, string value)
    {
        var all = candidates.ToList();
        var equal = all.Where(c => Compare.Compare(nameOf(c).Trim(), value, Loosely) == 0).ToList();
        return equal.Count > 0 ? equal : all.Where(c => StartsAWord(nameOf(c), value)).ToList();
    }

    private static bool StartsAWord(string name, string value)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var startsWord = i == 0 || (!char.IsLetterOrDigit(name[i - 1]) && char.IsLetterOrDigit(name[i]));
            if (startsWord && Compare.IsPrefix(name.AsSpan(i), value, Loosely)) return true;
        }
        return false;
    }
}
