using Annotate.Web.Components.Reading;
using Annotate.Web.Realtime;
using Microsoft.JSInterop;

namespace Annotate.Web.Components.Pages;

/// <summary>
/// The reading page's aids for finding one's way (issues 14 and 15): the heat map beside the paragraphs and its
/// toggle, and the live region that says what arrived from others. (The keyboard shortcuts are ReadingKeys.)
/// </summary>
public partial class DocumentPage
{
    /// <summary>Where the browser keeps "heat map hidden" (value "off"); shown unless it says so.</summary>
    private const string HeatStorageKey = "annotate:reading:heat";

    private bool showHeat = true;
    private LiveAnnouncements? announcements;

    private string ReadingMainClass => showHeat ? "reading-main" : "reading-main heat-hidden";

    private async Task ToggleHeatAsync()
    {
        showHeat = !showHeat;
        try
        {
            if (showHeat) await JS.InvokeVoidAsync("localStorage.removeItem", HeatStorageKey);
            else await JS.InvokeVoidAsync("localStorage.setItem", HeatStorageKey, "off");
        }
        catch (JSException)
        {
            // Storage blocked: the choice holds for this page only.
        }
    }

    /// <summary>The reader's choice from an earlier visit, once the page is live (a prerender has no browser to ask).</summary>
    private async Task LoadHeatPreferenceAsync()
    {
        try
        {
            showHeat = await JS.InvokeAsync<string?>("localStorage.getItem", HeatStorageKey) != "off";
        }
        catch (JSException)
        {
            // Storage blocked: shown, the default.
        }
    }

    /// <summary>A feed event the discussion just applied: what it brought from others is announced.</summary>
    private void Announce(FeedEvent feedEvent)
    {
        if (access is not null) announcements?.Announce(Arrival.Of(feedEvent, access.Viewer, discussion));
    }
}
