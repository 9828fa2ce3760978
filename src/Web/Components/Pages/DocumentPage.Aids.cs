using Annotate.Web.Components.Reading;
using Annotate.Web.Realtime;
using Microsoft.JSInterop;

namespace Annotate.Web.Components.Pages;

/// <summary>
/// The reading page's aids for finding one's way (issues 14 and 15): the heat map beside the paragraphs and its
/// toggle, and the live region that says what arrived from others. (The keyboard shortcuts are ReadingKeys; the
/// colours by tag are in DocumentPage.TagColours.)
/// </summary>
public partial class DocumentPage
{
    /// <summary>Where the browser keeps "heat map hidden" (value "off"); shown unless it says so.</summary>
    private const string HeatStorageKey = "annotate:reading:heat";

    private bool showHeat = true;
    private LiveAnnouncements? announcements;

    private string ReadingMainClass => "reading-main" + (showHeat ? "" : " heat-hidden") + (ColouringByTag ? " tag-colours" : "");

    private Task ToggleHeatAsync()
    {
        showHeat = !showHeat;
        return StoreChoiceAsync(HeatStorageKey, showHeat ? null : "off");
    }

    /// <summary>The reader's choices from an earlier visit, once the page is live (a prerender has no browser to ask).</summary>
    private async Task LoadPreferencesAsync()
    {
        showHeat = await StoredChoiceAsync(HeatStorageKey) != "off";
        colourByTag = await StoredChoiceAsync(TagColoursStorageKey) == "on";
    }

    /// <summary>Keeps a choice of this reader in the browser; null forgets it (the default again).</summary>
    private async Task StoreChoiceAsync(string key, string? value)
    {
        try
        {
            if (value is null) await JS.InvokeVoidAsync("localStorage.removeItem", key);
            else await JS.InvokeVoidAsync("localStorage.setItem", key, value);
        }
        catch (JSException)
        {
            // Storage blocked: the choice holds for this page only.
        }
    }

    private async Task<string?> StoredChoiceAsync(string key)
    {
        try
        {
            return await JS.InvokeAsync<string?>("localStorage.getItem", key);
        }
        catch (JSException)
        {
            // Storage blocked: the default.
            return null;
        }
    }

    /// <summary>A feed event the discussion just applied: what it brought from others is announced.</summary>
    private void Announce(FeedEvent feedEvent)
    {
        if (access is not null) announcements?.Announce(Arrival.Of(feedEvent, access.Viewer, discussion));
    }
}
