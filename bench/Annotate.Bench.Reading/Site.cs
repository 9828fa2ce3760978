using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Annotate.Bench.Reading;

/// <summary>
/// The app as an API client sees it: accounts, a seminar, a document and its annotations, made through the
/// public API (contract §2) so the measures run against any instance, the harness's included.
/// </summary>
internal sealed class Site(Uri root)
{
    public const string Password = "Reading-bench-1";

    public Uri Root => root;

    /// <summary>Registers and signs in a new account: a bearer client for the API and the cookie a browser needs.</summary>
    public async Task<Account> RegisterAsync(string name)
    {
        var email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        using var anonymous = new HttpClient { BaseAddress = root };
        (await anonymous.PostAsJsonAsync("/api/auth/register", new { email, password = Password })).EnsureSuccessStatusCode();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();

        var cookies = new CookieContainer();
        using (var browserLike = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = root })
            (await browserLike.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = Password })).EnsureSuccessStatusCode();
        var cookie = cookies.GetCookies(root).Single(c => c.Name.Contains("Identity.Application", StringComparison.Ordinal));

        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = root, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await http.GetFromJsonAsync<JsonObject>("/api/users/me");
        return new Account(me!["id"]!.GetValue<string>(), me["displayName"]!.GetValue<string>(), http, new Cookie(cookie.Name, cookie.Value, "/", root.Host));
    }

    /// <summary>A seminar taught by <paramref name="teacher"/> holding the sample article; answers its join code and the document id.</summary>
    public static async Task<(string JoinCode, int DocumentId, string Text)> CreateSeminarAsync(Account teacher, string article)
    {
        var seminar = await ReadAsync(await teacher.Http.PostAsJsonAsync("/api/seminars", new { name = "Reading bench" }));
        var seminarId = seminar["id"]!.GetValue<int>();
        var document = await ReadAsync(await teacher.Http.PostAsJsonAsync($"/api/seminars/{seminarId}/documents",
            new { title = "Proletarian Internationalism in the Communist Manifesto", text = article, reflow = true }));
        var documentId = document["id"]!.GetValue<int>();
        var text = (await teacher.Http.GetFromJsonAsync<JsonObject>($"/api/documents/{documentId}"))!["text"]!.GetValue<string>();
        return (seminar["joinCode"]!.GetValue<string>(), documentId, text);
    }

    public static async Task JoinAsync(Account student, string joinCode) =>
        (await student.Http.PostAsJsonAsync("/api/seminars/join", new { joinCode })).EnsureSuccessStatusCode();

    /// <summary>Posts a seminar-wide comment on <paramref name="passage"/>; answers the thread id, or null when the API refused it.</summary>
    public static async Task<Guid?> CommentAsync(Account author, int documentId, string text, Passage passage, string comment)
    {
        var body = new JsonObject
        {
            ["motivation"] = "commenting",
            ["visibility"] = "seminar",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextualBody", ["value"] = comment, ["format"] = "text/markdown" }),
            ["target"] = new JsonObject
            {
                ["selector"] = new JsonArray(
                    new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = text[passage.Start..passage.End] },
                    new JsonObject { ["type"] = "TextPositionSelector", ["start"] = CodePoints(text, passage.Start), ["end"] = CodePoints(text, passage.End) }),
            },
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/ld+json");
        using var response = await author.Http.PostAsync($"/api/documents/{documentId}/annotations", content);
        if (!response.IsSuccessStatusCode) return null;
        var iri = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        return Guid.Parse(iri[(iri.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Posts <paramref name="count"/> comments at seeded random passages, a few at a time.</summary>
    public static async Task<int> SeedAsync(Account author, int documentId, string text, int count, int seed)
    {
        var passages = Passage.Random(text, seed).GetEnumerator();
        var posted = 0;
        var gate = new object();
        await Parallel.ForEachAsync(Enumerable.Range(0, count * 2), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, _) =>
        {
            Passage passage;
            lock (gate)
            {
                if (posted >= count || !passages.MoveNext()) return;
                passage = passages.Current;
            }
            if (await CommentAsync(author, documentId, text, passage, $"Note {n}: what does *this* mean here?") is not null)
                lock (gate) posted++;
        });
        return posted;
    }

    private static int CodePoints(string text, int utf16) => utf16 - text[..utf16].Count(char.IsLowSurrogate);

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonSerializer.Deserialize<JsonObject>(await response.Content.ReadAsStringAsync())!;
    }
}

/// <summary>Someone signed in: an API client with their bearer token, and their browser cookie.</summary>
internal sealed record Account(string Id, string Name, HttpClient Http, Cookie Cookie);
