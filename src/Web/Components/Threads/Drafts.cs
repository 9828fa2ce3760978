using System.Text.Json;
using Annotate.Shared;
using Microsoft.JSInterop;

namespace Annotate.Web.Components.Threads;

/// <summary>
/// Unposted text kept in the browser's localStorage, so that neither a dropped connection nor a reload
/// loses a half-written comment.
/// </summary>
internal static class Drafts
{
    public sealed record Draft(string Body, Visibility Visibility, int? Start = null, int? End = null);

    public static async Task SaveAsync(IJSRuntime js, string key, Draft draft)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", key, JsonSerializer.Serialize(draft));
        }
        catch (JSDisconnectedException)
        {
            // Nothing to save into any more.
        }
        catch (JSException)
        {
            // Storage blocked or full: the draft lives only on the page, as it would without this.
        }
    }

    public static async Task<Draft?> LoadAsync(IJSRuntime js, string key)
    {
        try
        {
            var json = await js.InvokeAsync<string?>("localStorage.getItem", key);
            return json is null ? null : JsonSerializer.Deserialize<Draft>(json);
        }
        catch (Exception exception) when (exception is JsonException or JSException or JSDisconnectedException)
        {
            return null;
        }
    }

    public static async Task ClearAsync(IJSRuntime js, string key)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.removeItem", key);
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException)
        {
            // Nothing to clear, or no way to reach it.
        }
    }
}
