using System.Net;
using System.Text.Json;
using CsvHelper;

namespace Annotate.Web.Tests.Infrastructure;

/// <summary>The export API as one user calls it, and readers for what it answers.</summary>
public static class ExportCalls
{
    public static Task<HttpResponseMessage> ExportAsync(this ApiUser user, int documentId, string query) =>
        user.Http.GetAsync($"/api/documents/{documentId}/export?{query}");

    /// <summary>The exported file as text (a UTF-8 byte order mark dropped), asserting 200.</summary>
    public static async Task<string> ExportTextAsync(this ApiUser user, int documentId, string query)
    {
        var response = await user.ExportAsync(documentId, query);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The items of a JSON-LD export, in order.</summary>
    public static async Task<List<JsonElement>> ExportItemsAsync(this ApiUser user, int documentId, string query = "format=jsonld")
    {
        using var json = JsonDocument.Parse(await user.ExportTextAsync(documentId, query));
        return json.RootElement.GetProperty("first").GetProperty("items").EnumerateArray().Select(i => i.Clone()).ToList();
    }

    /// <summary>The ids of the threads (annotations on a passage, not replies) of a JSON-LD export, in order.</summary>
    public static async Task<List<string>> ExportedThreadIrisAsync(this ApiUser user, int documentId, string query = "")
    {
        var items = await user.ExportItemsAsync(documentId, "format=jsonld" + (query.Length > 0 ? "&" + query : ""));
        return items.Where(i => i.GetProperty("target").ValueKind == JsonValueKind.Object).Select(i => i.Iri()).ToList();
    }

    /// <summary>The rows of a CSV export, each keyed by its column's header.</summary>
    public static List<Dictionary<string, string>> CsvRows(string csv)
    {
        using var reader = CsvReader.FromText(csv);
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = row.ToArray();
            rows.Add(reader.Headers.Select((name, i) => (name, value: values[i])).ToDictionary(p => p.name, p => p.value));
        }
        return rows;
    }
}
