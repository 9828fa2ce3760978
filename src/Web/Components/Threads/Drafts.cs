using System.Text.Json;
using Annotate.Shared;
using Microsoft.JSInterop;

namespace Annotate.Web.Components.Threads;

/// <summary>
/// Unposted text kept in the browser's localStorage, so that neither a dropped connection nor a reload
/// loses a half-written comment. Each person's drafts are kept under their own user id, so whoever uses
/// the browser next never sees them, and signing out removes every draft (Components/Layout/SignOut.js,
/// which knows <see cref="KeyPrefix"/>).
/// </summary>
internal static class Drafts
{
    public sealed record Draft(string Body, Visibility Visibility, int? Start = null, int? End = null);

    /// <summary>What every draft's key starts with; the sign-out script removes every key that does.</summary>
    public const string KeyPrefix = "annotate:draft:";

    /// <summary>The key of one person's draft of one kind ("new", "reply", "feedback") for one document or thread.</summary>
    public static string Key(string? userId, string kind, object id) => $"{KeyPrefix}{userId}:{kind}:{id}";

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
