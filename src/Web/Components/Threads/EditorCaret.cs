using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Annotate.Web.Components.Threads;

/// <summary>
/// Where the caret is in the editor's text, and putting it somewhere: an "@name" may be typed anywhere in the text,
/// so the mention suggestions follow the caret, and a mention picked is written there and the caret left after it.
/// The browser knows the caret; this asks it (AnnotationEditor.razor.js).
/// </summary>
internal sealed class EditorCaret(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? module;

    /// <summary>The caret's offset in the text of the field inside <paramref name="box"/>; null when unknown or text is selected.</summary>
    public async Task<int?> ReadAsync(ElementReference box)
    {
        try
        {
            module ??= await js.InvokeAsync<IJSObjectReference>("import", "./Components/Threads/AnnotationEditor.razor.js");
            return await module.InvokeAsync<int?>("caret", box);
        }
        catch (Exception error) when (error is JSDisconnectedException or JSException or TaskCanceledException)
        {
            // No caret to follow: suggestions fall back to the end of the text.
            return null;
        }
    }

    /// <summary>Focuses the field and puts the caret at <paramref name="offset"/>.</summary>
    public async Task PlaceAsync(ElementReference box, int offset)
    {
        try
        {
            module ??= await js.InvokeAsync<IJSObjectReference>("import", "./Components/Threads/AnnotationEditor.razor.js");
            await module.InvokeVoidAsync("placeCaret", box, offset);
        }
        catch (Exception error) when (error is JSDisconnectedException or JSException or TaskCanceledException)
        {
            // The page went away meanwhile.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (module is not null) await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with it.
        }
    }
}
