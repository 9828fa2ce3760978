using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Annotate.Bench.Load;

/// <summary>
/// The accounts, seminar and documents a run needs, made through Annotate's API as any client would: a
/// teacher who writes, students who read along (hub connections are spread over them, each checked by the
/// visibility rule like any reader), one document for the fan-out and one for the writes.
/// </summary>
internal sealed class AnnotateSite(HttpClient http, Uri baseUrl)
{
    private const string Password = "Bench-pass1";
    private const string Passage = "the passage every bench annotation marks";

    public string TeacherToken { get; private set; } = "";
    public IReadOnlyList<string> ReaderTokens { get; private set; } = [];
    public int FanOutDocument { get; private set; }
    public int WritesDocument { get; private set; }
    private int? warmUpSeminar;

    public async Task CreateAsync(int readers)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        TeacherToken = await AccountAsync($"teacher-{run}@bench.example");
        var seminar = await SendAsync(HttpMethod.Post, "api/seminars", TeacherToken, new { name = "Bench seminar" });
        var seminarId = (int)seminar["id"]!;
        var joinCode = (string)seminar["joinCode"]!;
        FanOutDocument = await DocumentAsync(seminarId, "Fan-out");
        WritesDocument = await DocumentAsync(seminarId, "Writes");
        var tokens = new List<string>();
        for (var i = 0; i < readers; i++)
        {
            var token = await AccountAsync($"reader-{run}-{i}@bench.example");
            await SendAsync(HttpMethod.Post, "api/seminars/join", token, new { joinCode });
            tokens.Add(token);
        }
        ReaderTokens = tokens;
    }

    /// <summary>
    /// A document in a seminar of its own, with the same writers as members, to warm the app up on; deleted with
    /// <see cref="DeleteWarmUpAsync"/> so that what it held weighs on no later measure.
    /// </summary>
    public async Task<int> CreateWarmUpDocumentAsync()
    {
        var seminar = await SendAsync(HttpMethod.Post, "api/seminars", TeacherToken, new { name = "Bench warm-up" });
        warmUpSeminar = (int)seminar["id"]!;
        var joinCode = (string)seminar["joinCode"]!;
        foreach (var token in ReaderTokens) await SendAsync(HttpMethod.Post, "api/seminars/join", token, new { joinCode });
        return await DocumentAsync(warmUpSeminar.Value, "Warm-up");
    }

    public async Task DeleteWarmUpAsync()
    {
        if (warmUpSeminar is not { } id) return;
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(baseUrl, $"api/seminars/{id}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TeacherToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        warmUpSeminar = null;
    }

    /// <summary>
    /// A comment on the benchmark passage whose hub message is about 1.2 KB, like the bare server's; the bare
    /// server takes the same request (<paramref name="server"/>) and ignores who sends it (no token).
    /// </summary>
    public static HttpRequestMessage NewAnnotation(Uri server, int documentId, string? token, int number)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, $"api/documents/{documentId}/annotations"))
        {
            Content = JsonContent.Create(Annotation(number), mediaType: new MediaTypeHeaderValue("application/json")),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public HttpRequestMessage NewAnnotation(int documentId, string token, int number) => NewAnnotation(baseUrl, documentId, token, number);

    public static JsonObject Annotation(int number) => new()
    {
        ["@context"] = "http://www.w3.org/ns/anno.jsonld",
        ["type"] = "Annotation",
        ["motivation"] = "commenting",
        ["visibility"] = "seminar",
        ["body"] = new JsonArray(new JsonObject
        {
            ["type"] = "TextualBody",
            ["format"] = "text/markdown",
            ["purpose"] = "commenting",
            ["value"] = $"Bench comment {number}: " + string.Concat(Enumerable.Repeat("Is *this* still true today? Compare the next paragraph. ", 7)),
        }),
        ["target"] = new JsonObject
        {
            ["selector"] = new JsonArray(
                new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = Passage },
                new JsonObject { ["type"] = "TextPositionSelector", ["start"] = DocumentText.IndexOf(Passage, StringComparison.Ordinal), ["end"] = DocumentText.IndexOf(Passage, StringComparison.Ordinal) + Passage.Length }),
        },
    };

    private static readonly string DocumentText = string.Join("\n\n",
        Enumerable.Range(1, 12).Select(n => $"Paragraph {n} of the bench text, plain words that readers read along.")
            .Append($"Here is {Passage}, once and only once.")
            .Concat(Enumerable.Range(13, 12).Select(n => $"Paragraph {n} of the bench text, more plain words to read.")));

    /// <summary>How many annotations the document holds, as its collection says (the teacher sees every one).</summary>
    public async Task<long> CountAnnotationsAsync(int documentId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, $"api/documents/{documentId}/annotations"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TeacherToken);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["total"]!;
    }

    private async Task<int> DocumentAsync(int seminarId, string title)
    {
        var document = await SendAsync(HttpMethod.Post, $"api/seminars/{seminarId}/documents", TeacherToken, new { title, text = DocumentText });
        return (int)document["id"]!;
    }

    private async Task<string> AccountAsync(string email)
    {
        await SendAsync(HttpMethod.Post, "api/auth/register", null, new { email, password = Password });
        var login = await SendAsync(HttpMethod.Post, "api/auth/login", null, new { email, password = Password });
        return (string)login["accessToken"]!;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string? token, object body)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, path)) { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }
}
