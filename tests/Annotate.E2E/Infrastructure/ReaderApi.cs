using System.Text.Json;
using Microsoft.Playwright;

namespace Annotate.E2E.Infrastructure;

/// <summary>Calls the HTTP API as a signed-in reader (their browser cookie), for set-up a person would do elsewhere.</summary>
public static class ReaderApi
{
    public static async Task<JsonElement> PostJsonAsync(this Reader reader, Uri root, string path, object body)
    {
        var response = await reader.Context.APIRequest.PostAsync($"{root}{path.TrimStart('/')}", new() { DataObject = body });
        Assert.True(response.Ok, $"POST {path} answered {response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    public static async Task<JsonElement> GetJsonAsync(this IBrowserContext context, Uri root, string path)
    {
        var response = await context.APIRequest.GetAsync($"{root}{path.TrimStart('/')}");
        Assert.True(response.Ok, $"GET {path} answered {response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    public static async Task<JsonElement> GetJsonAsync(this Reader reader, Uri root, string path)
    {
        var response = await reader.Context.APIRequest.GetAsync($"{root}{path.TrimStart('/')}");
        Assert.True(response.Ok, $"GET {path} answered {response.Status}: {await response.TextAsync()}");
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>PUT with a JSON body, for calls that answer without one (204).</summary>
    public static async Task PutJsonAsync(this Reader reader, Uri root, string path, object body)
    {
        var response = await reader.Context.APIRequest.PutAsync($"{root}{path.TrimStart('/')}", new() { DataObject = body });
        Assert.True(response.Ok, $"PUT {path} answered {response.Status}: {await response.TextAsync()}");
    }
}
