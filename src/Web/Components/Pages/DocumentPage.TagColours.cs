using Annotate.Shared.Search;
using Annotate.Web.Components.Reading;

namespace Annotate.Web.Components.Pages;

/// <summary>
/// "Colour by tag" (issue 14): highlights take their thread's vocabulary tag's colour, with a legend. The switch shows
/// only when the seminar has a vocabulary and is remembered in the browser as "Paragraph heat" is (off by default); the
/// marks always name their tag (<see cref="TagColours"/>), so turning it on or off redraws no text.
/// </summary>
public partial class DocumentPage
{
    /// <summary>Where the browser keeps "colour by tag" (value "on"); off unless it says so.</summary>
    private const string TagColoursStorageKey = "annotate:reading:tag-colours";

    private bool colourByTag;

    /// <summary>On, and there is a vocabulary to colour by.</summary>
    private bool ColouringByTag => colourByTag && discussion.TagColours.Count > 0;

    private Task ToggleTagColoursAsync()
    {
        colourByTag = !colourByTag;
        return StoreChoiceAsync(TagColoursStorageKey, colourByTag ? "on" : null);
    }

    /// <summary>A tag picked in the legend: the discussion shows only its threads; picked again, all of them.</summary>
    private void PickLegendTag(string tag) => threadFilter = threadFilter with
    {
        Tag = threadFilter.Tag is { } shown && SearchTags.Key(shown) == SearchTags.Key(tag) ? null : tag,
    };
}
