using System.Globalization;
using System.Text;
using Annotate.Shared.Search;
using Annotate.Web.Features.Tags;

namespace Annotate.Web.Components.Reading;

/// <summary>
/// A seminar's tag vocabulary as the reading page colours highlights by it (issue 14). The marks carry only a class
/// naming the tag's place in the vocabulary (t0, t1 …; see <see cref="MarkedText"/>), always, so that turning the
/// colours on or off changes one class on the page, not the thousands of marks; one style sheet (<see cref="Stylesheet"/>)
/// gives each place its tints in both themes (<see cref="TagTint"/>) and its underline (<see cref="TagCue"/>).
/// </summary>
/// <remarks>
/// A thread with several vocabulary tags shows the first of them in the vocabulary's order (by name, as the seminar
/// page lists it): the same tag on every page, whatever order its author typed them in. A thread without one keeps
/// the plain highlight. Where highlights overlap, the passage shows the tag of the innermost thread that has one.
/// </remarks>
internal sealed class TagColours
{
    public static TagColours None { get; } = new([]);

    /// <summary>Each tag's key (<see cref="SearchTags.Key"/>), in the vocabulary's order: what decides the marks' classes.</summary>
    private readonly string[] keys;
    private string? stylesheet;

    public TagColours(IReadOnlyList<TagEntry> vocabulary)
    {
        Tags = vocabulary;
        keys = [.. vocabulary.Select(t => SearchTags.Key(t.Name))];
    }

    /// <summary>The vocabulary, in its order: a tag's place in it is its index.</summary>
    public IReadOnlyList<TagEntry> Tags { get; }

    public int Count => keys.Length;

    /// <summary>The place in the vocabulary of the first of <paramref name="tags"/> that it holds; null when it holds none.</summary>
    public int? IndexOf(IReadOnlyList<string> tags)
    {
        if (keys.Length == 0 || tags.Count == 0) return null;
        int? first = null;
        foreach (var tag in tags)
            if (Array.IndexOf(keys, SearchTags.Key(tag)) is var at and >= 0 && (first is null || at < first)) first = at;
        return first;
    }

    /// <summary>Whether <paramref name="other"/> gives every tag the same place (colours may differ): the marks stay as drawn.</summary>
    public bool PlacesAlike(TagColours other) => keys.AsSpan().SequenceEqual(other.keys);

    /// <summary>The underline of the tag at <paramref name="index"/>: the cues in turn.</summary>
    public static TagCue CueOf(int index) => (TagCue)(index % Enum.GetValues<TagCue>().Length);

    /// <summary>
    /// A &lt;style&gt; element for the vocabulary. The tints are variables of each theme's root (.app-light, .app-dark,
    /// set by the layout), so a change of theme needs nothing from here. A highlight is coloured only inside
    /// .tag-colours (the page's switch); a legend's .tag-sample always. Only indexes and colours parsed from "#rrggbb"
    /// are written, never a tag's name: the sheet is markup.
    /// </summary>
    public string Stylesheet => stylesheet ??= Write();

    private string Write()
    {
        var css = new StringBuilder("<style>");
        var colours = Tags.Select(t => TagTint.Rgb.Parse(t.Colour)).ToList();
        Variables(css, ".app-light", colours, TagTint.Light);
        Variables(css, ".app-dark", colours, TagTint.Dark);
        for (var i = 0; i < colours.Count; i++)
        {
            if (colours[i] is null) continue;
            var n = i.ToString(CultureInfo.InvariantCulture);
            var mark = ".tag-colours .block-text mark.t" + n;
            css.Append(mark).Append(",.tag-sample.t").Append(n).Append("{background:var(--t").Append(n).Append("o);text-decoration-line:underline;")
                .Append(Decoration(CueOf(i))).Append('}');
            css.Append(mark).Append(".d1,.tag-sample.t").Append(n).Append("{background:var(--t").Append(n).Append(")}");
        }
        return css.Append("</style>").ToString();
    }

    private static void Variables(StringBuilder css, string theme, List<TagTint.Rgb?> colours, Func<TagTint.Rgb, TagTint.Tints> tints)
    {
        css.Append(theme).Append('{');
        for (var i = 0; i < colours.Count; i++)
        {
            if (colours[i] is not { } colour) continue;
            var (lone, overlapping) = tints(colour);
            var n = i.ToString(CultureInfo.InvariantCulture);
            css.Append("--t").Append(n).Append(':').Append(lone).Append(";--t").Append(n).Append("o:").Append(overlapping).Append(';');
        }
        css.Append('}');
    }

    private static string Decoration(TagCue cue) => cue switch
    {
        TagCue.Dashed => "text-decoration-style:dashed",
        TagCue.Dotted => "text-decoration-style:dotted",
        TagCue.Double => "text-decoration-style:double",
        TagCue.Wavy => "text-decoration-style:wavy",
        TagCue.Thick => "text-decoration-style:solid;text-decoration-thickness:0.2em",
        _ => "text-decoration-style:solid",
    };
}
