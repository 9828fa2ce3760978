using System.Net;
using System.Text.Json;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary><c>GET /api/search</c> as one user calls it.</summary>
public static class SearchCalls
{
    public static Task<HttpResponseMessage> GetSearchAsync(this ApiUser user, int seminarId, string q, string? extra = null) =>
        user.Http.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}&seminar={seminarId}{extra}");

    /// <summary>Searches and asserts 200; the whole answer.</summary>
    public static async Task<JsonElement> SearchAsync(this ApiUser user, int seminarId, string q, string? extra = null) =>
        await (await user.GetSearchAsync(seminarId, q, extra)).JsonAsync(HttpStatusCode.OK);

    /// <summary>The ids (IRIs) of the annotations found, in the order given.</summary>
    public static async Task<List<string>> FoundAsync(this ApiUser user, int seminarId, string q)
    {
        var answer = await user.SearchAsync(seminarId, q);
        return answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("annotation").GetProperty("id").GetString()!).ToList();
    }
}
