namespace Annotate.Web.Components.Reading;

/// <summary>
/// How a tag's highlights are underlined when the reading page colours highlights by tag: the cue beside the colour,
/// so that colour is never the only way to tell tags apart (WCAG 1.4.1). The vocabulary's tags take them in turn.
/// </summary>
internal enum TagCue
{
    Solid,
    Dashed,
    Dotted,
    Double,
    Wavy,
    Thick,
}
