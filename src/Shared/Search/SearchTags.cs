using System.Text;

namespace Annotate.Shared.Search;

/// <summary>
/// Tags as <c>tag:</c> compares them: whole, ignoring case, in one Unicode form. An annotation keeps its tags as
/// written and beside them this form of all of them (<see cref="Column"/>), so that the database finds a tag with
/// a plain substring test, alike on every engine.
/// </summary>
public static class SearchTags
{
    /// <summary>A tag as compared.</summary>
    public static string Key(string tag)
    {
        var key = tag.Trim();
        if (!key.IsNormalized(NormalizationForm.FormC)) key = key.Normalize(NormalizationForm.FormC);
        return key.ToLowerInvariant();
    }

    /// <summary>Tags separated by "\n" (as stored) as one string in which <see cref="Needle"/> of a tag occurs when the tag is among them.</summary>
    public static string Column(string tags) =>
        tags.Length == 0 ? "" : "\n" + string.Join('\n', tags.Split('\n').Select(Key)) + "\n";

    /// <summary>What to look for in <see cref="Column"/> for one tag.</summary>
    public static string Needle(string tag) => "\n" + Key(tag) + "\n";
}
