using System.Text.RegularExpressions;
using Annotate.Web.Features.Annotations;
using Annotate.Web.Resources;

namespace Annotate.Web.Features.Tags;

/// <summary>The checks on a vocabulary tag, with the sentences a teacher sees (the editor and the API say the same).</summary>
public static partial class TagRules
{
    public const int MaxDescriptionLength = 500;

    /// <summary>Colours that keep dark text readable on a highlight, in light and dark themes alike; a new tag takes the first unused one.</summary>
    public static IReadOnlyList<string> Palette { get; } = ["#fde68a", "#bfdbfe", "#bbf7d0", "#fbcfe8", "#ddd6fe", "#fed7aa", "#a5f3fc", "#e5e7eb"];

    /// <summary>The tag as it will be stored, or the sentence saying why it cannot be.</summary>
    public static (TagInput? Tag, string? Problem) Check(TagInput input, IEnumerable<string> coloursInUse)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) return (null, Words.Text("Problem.TagNeedsName"));
        if (name.Length > AnnotationRules.MaxTagLength) return (null, Words.Text("Problem.TagNameLength", AnnotationRules.MaxTagLength));
        if (name.Any(char.IsControl)) return (null, Words.Text("Problem.TagNameOneLine"));
        var colour = input.Colour?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(colour)) colour = Palette.Except(coloursInUse).FirstOrDefault() ?? Palette[0];
        else if (!ColourPattern().IsMatch(colour)) return (null, Words.Text("Problem.TagColour", Palette[0], input.Colour));
        var description = input.Description?.Trim() ?? "";
        if (description.Length > MaxDescriptionLength) return (null, Words.Text("Problem.TagDescriptionLength", MaxDescriptionLength));
        return (new TagInput(name, colour, description), null);
    }

    [GeneratedRegex("^#[0-9a-f]{6}$")]
    private static partial Regex ColourPattern();
}
