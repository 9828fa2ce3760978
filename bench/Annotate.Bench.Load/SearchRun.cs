using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Annotate.Bench.Load;

/// <summary>
/// Issue 14's search benchmark: a seminar of a teacher and eight students in two groups, four documents, and
/// <c>annotations</c> annotations and replies imported through the API (each student's own, a quarter of the
/// imports narrower than the seminar: group, teachers, private), then <c>GET /api/search</c> as a student in a
/// group (the viewer the visibility filter asks most of) over a mix of searches: a common, a middling and a rare
/// word, a phrase, a tag, an author, a quote, a negation, questions without answers. The baseline, timed in turn
/// with each search, is the cheapest read of the same API: <c>GET /api/annotations/{id}</c>, one indexed row
/// through the same sign-in, HTTP and JSON.
/// </summary>
internal sealed class SearchRun(HttpClient http, Uri baseUrl, string articleText)
{
    private const string Password = "Bench-pass1";
    private static readonly string[] Visibilities = ["seminar", "seminar", "group", "seminar", "private", "seminar", "teachers", "seminar"];

    /// <param name="Kind">What the search stands for, as the table names it.</param>
    /// <param name="InMix">Counted in the p50/p99 of the mix; the word in most comments is timed and shown on its own.</param>
    public sealed record Search(string Kind, string Query, bool InMix = true);

    /// <param name="Documents">The documents the annotations were imported into, in turn.</param>
    public sealed record Seminar(int Id, string TeacherToken, string StudentToken, IReadOnlyList<int> Documents, string AnnotationIri, IReadOnlyList<Search> Searches);

    public sealed record Timings(List<double> Mix, List<double> Baseline, Dictionary<Search, List<double>> BySearch);

    /// <summary>Makes the seminar and imports <paramref name="annotations"/> annotations into it.</summary>
    /// <param name="documentCount">Into this many documents (at most four), in turn.</param>
    /// <param name="openToAll">Every import open to the whole seminar (the teacher then sees every annotation), instead of a
    /// quarter narrower.</param>
    public async Task<Seminar> SeedAsync(int annotations, int seed, int documentCount = 4, bool openToAll = false)
    {
        var run = $"{seed}-{Guid.NewGuid():N}"[..12];
        var teacher = await AccountAsync($"search-teacher-{run}@bench.example");
        var seminar = await SendAsync(HttpMethod.Post, "api/seminars", teacher, new { name = $"Search bench {annotations}" });
        var seminarId = (int)seminar["id"]!;
        var groups = new List<int>();
        foreach (var name in new[] { "Group 1", "Group 2" })
            groups.Add((int)(await SendAsync(HttpMethod.Post, $"api/seminars/{seminarId}/groups", teacher, new { name }))["id"]!);
        var students = new List<(string Token, string Name)>();
        for (var i = 0; i < 8; i++)
        {
            var token = await AccountAsync($"search-student-{run}-{i}@bench.example");
            await SendAsync(HttpMethod.Post, "api/seminars/join", token, new { joinCode = (string)seminar["joinCode"]! });
            var me = await SendAsync(HttpMethod.Get, "api/users/me", token, null);
            await SendAsync(HttpMethod.Put, $"api/seminars/{seminarId}/groups/{groups[i % 2]}/members/{(string)me["id"]!}", teacher, null);
            students.Add((token, (string)me["displayName"]!));
        }
        var documents = new List<int>();
        foreach (var title in new[] { "The article", "The article, second reading", "Notes on the article", "The article again" }.Take(documentCount))
            documents.Add((int)(await SendAsync(HttpMethod.Post, $"api/seminars/{seminarId}/documents", teacher, new { title, text = articleText, reflow = true }))["id"]!);
        var text = (string)(await SendAsync(HttpMethod.Get, $"api/documents/{documents[0]}", teacher, null))["text"]!;

        var corpus = new SearchCorpus(text, seed);
        var perFile = Math.Min(2500, Math.Max(1, annotations / 8));
        string? annotationIri = null;
        for (int file = 0, left = annotations; left > 0; file++, left -= perFile)
        {
            var owner = students[file % students.Count];
            var import = corpus.File(Math.Min(perFile, left), owner.Name);
            var visibility = openToAll ? "seminar" : Visibilities[file % Visibilities.Length];
            var report = await SendAsync(HttpMethod.Post, $"api/documents/{documents[file % documents.Count]}/import?visibility={visibility}",
                owner.Token, import);
            annotationIri ??= (string?)report["imported"]?.AsArray().FirstOrDefault();
        }

        // Words by the share of comments that hold them; the phrase is two longer words of the text side by side.
        string Word(double share) => corpus.WordInShare(share, minLength: 4);
        var phrase = PhraseOf(text);
        IReadOnlyList<Search> searches =
        [
            new($"a word in {Percent(corpus.ShareOf(Word(0.2)))} of comments", Word(0.2)),
            new($"a word in {Percent(corpus.ShareOf(Word(0.05)))}", Word(0.05)),
            new($"a word in {Percent(corpus.ShareOf(Word(0.005)))}", Word(0.005)),
            new("a phrase", $"\"{phrase}\""),
            new("a word and a tag", $"{Word(0.05)} tag:{SearchCorpus.Tags[1]}"),
            new("an author and a word", $"user:\"{students[3].Name}\" {Word(0.05)}"),
            new("a word in quotes", $"quote:{Word(0.05)}"),
            new("a word, less another", $"{Word(0.05)} -{Word(0.2)}"),
            new("questions without an answer", "is:unanswered"),
            new("a tag, less one's own", $"tag:{SearchCorpus.Tags[2]} -is:mine"),
            new($"the word in most comments ({Percent(corpus.ShareOf(corpus.WordInShare(1)))})", corpus.WordInShare(1), InMix: false),
        ];
        return new Seminar(seminarId, teacher, students[0].Token, documents, annotationIri ?? throw new InvalidOperationException("Nothing was imported."), searches);
    }

    private static string Percent(double share) => share.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Two words of four letters or more side by side in one paragraph of the text.</summary>
    private static string PhraseOf(string text) =>
        text.Split("\n\n").SelectMany(p => p.Split(' ').Zip(p.Split(' ').Skip(1)))
            .First(pair => pair.First.Length >= 4 && pair.Second.Length >= 4 && pair.First.All(char.IsLetter) && pair.Second.All(char.IsLetter)) is var (a, b)
            ? $"{a} {b}" : "";

    /// <summary>Each search of the mix, then the baseline, <paramref name="rounds"/> times, after one warm-up round.</summary>
    public async Task<Timings> MeasureAsync(Seminar seminar, int rounds)
    {
        var timings = new Timings([], [], seminar.Searches.ToDictionary(s => s, _ => new List<double>()));
        for (var round = -1; round < rounds; round++)
        {
            foreach (var search in seminar.Searches)
            {
                var searched = await TimeAsync($"api/search?q={Uri.EscapeDataString(search.Query)}&seminar={seminar.Id}", seminar.StudentToken);
                var baseline = await TimeAsync(seminar.AnnotationIri, seminar.StudentToken);
                if (round < 0) continue;
                timings.BySearch[search].Add(searched);
                if (!search.InMix) continue;
                timings.Mix.Add(searched);
                timings.Baseline.Add(baseline);
            }
        }
        return timings;
    }

    /// <summary>
    /// The server's CPU time per request of each search and of the baseline, <paramref name="times"/> requests each
    /// one after the other (read from /proc, in ticks of 10 ms: enough requests make it fine): on a shared machine
    /// this moves less with the load than the time does, and it is what a quiet machine would wait for.
    /// </summary>
    public async Task<Dictionary<string, double>> CpuPerRequestAsync(Seminar seminar, Server server, int times)
    {
        var cpu = new Dictionary<string, double>();
        async Task MeasureAsync(string name, string path)
        {
            var before = server.CpuMilliseconds();
            for (var i = 0; i < times; i++) await TimeAsync(path, seminar.StudentToken);
            cpu[name] = (server.CpuMilliseconds() - before) / times;
        }
        foreach (var search in seminar.Searches)
            await MeasureAsync(search.Kind, $"api/search?q={Uri.EscapeDataString(search.Query)}&seminar={seminar.Id}");
        await MeasureAsync("", seminar.AnnotationIri);
        return cpu;
    }

    /// <summary>The time of one GET, whole answer read; a failure ends the run.</summary>
    public async Task<double> TimeAsync(string path, string token) => (await GetAsync(path, token)).Milliseconds;

    /// <summary>One GET, its time with the whole answer read, and the answer; a failure ends the run.</summary>
    public async Task<(double Milliseconds, byte[] Body)> GetAsync(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        return (elapsed, body);
    }

    private async Task<string> AccountAsync(string email)
    {
        await SendAsync(HttpMethod.Post, "api/auth/register", null, new { email, password = Password });
        return (string)(await SendAsync(HttpMethod.Post, "api/auth/login", null, new { email, password = Password }))["accessToken"]!;
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        if (body is not null) request.Content = JsonContent.Create(body);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }
}
