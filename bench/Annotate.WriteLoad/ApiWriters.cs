using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Annotate.WriteLoad;

/// <summary>
/// The app's write path as clients use it: <c>writers</c> signed-in members of one seminar post at once to
/// one document through <c>POST /api/documents/{id}/annotations</c>, each waiting for its answer before
/// the next (a closed loop). A quarter of the posts are replies to a thread the writer started. Every
/// 201's id is kept, and afterwards the teacher's collection must hold each one (nothing acknowledged and lost).
/// </summary>
internal sealed class ApiWriters(Uri baseAddress, string textFile, bool replies = true)
{
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(2),
    };

    public sealed record Scene(string TeacherToken, string[] WriterTokens, int DocumentId, string Text);

    /// <summary>A teacher, a seminar, the sample text as its document, and the writers as its students (the teacher writes too).</summary>
    public async Task<Scene> SetUpAsync(int writers)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var teacher = await AccountAsync($"load.teacher.{run}@example.org");
        var seminar = await SendAsync(HttpMethod.Post, "/api/seminars", teacher, new JsonObject { ["name"] = $"Write load {run}" });
        var seminarId = seminar["id"]!.GetValue<int>();
        var joinCode = seminar["joinCode"]!.GetValue<string>();
        var text = (await File.ReadAllTextAsync(textFile)).ReplaceLineEndings("\n").Trim('\n');
        var document = await SendAsync(HttpMethod.Post, $"/api/seminars/{seminarId}/documents", teacher,
            new JsonObject { ["title"] = "Proletarian internationalism", ["text"] = text });
        var documentId = document["id"]!.GetValue<int>();
        var stored = (await SendAsync(HttpMethod.Get, $"/api/documents/{documentId}", teacher))["text"]!.GetValue<string>();

        var tokens = new string[writers];
        tokens[0] = teacher;
        for (var i = 1; i < writers; i++)
        {
            tokens[i] = await AccountAsync($"load.writer{i}.{run}@example.org");
            await SendAsync(HttpMethod.Post, "/api/seminars/join", tokens[i], new JsonObject { ["joinCode"] = joinCode });
        }
        return new Scene(teacher, tokens, documentId, stored);
    }

    /// <summary>Posts <paramref name="count"/> annotations from every writer at once; returns the report line and the acknowledged ids.</summary>
    public async Task<(string Report, List<string> Acknowledged)> WriteAsync(Scene scene, int count, string name, TextWriter? acknowledgedLog = null, int? serverPid = null)
    {
        var cpuBefore = ServerCpu.Used(serverPid);
        var passages = new Passages(scene.Text, seed: 7);
        var latencies = new Latencies();
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentDictionary<string, int>();
        var next = 0;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(scene.WriterTokens.Select((token, w) => Task.Run(async () =>
        {
            var random = new Random(1000 + w);
            var mine = new List<string>();
            while (Interlocked.Increment(ref next) <= count)
            {
                var body = replies && mine.Count > 0 && random.Next(4) == 0
                    ? Reply(mine[random.Next(mine.Count)], $"Reply {next} by writer {w}: I read it differently, see the next paragraph.")
                    : Comment(scene.DocumentId, passages.Pick(random), $"Note {next} by writer {w}: is *this* still true today?");
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/{scene.DocumentId}/annotations")
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/ld+json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var began = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    var answer = await response.Content.ReadAsStringAsync();
                    latencies.Add(began);
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        failures.AddOrUpdate($"{(int)response.StatusCode} {Detail(answer)}", 1, (_, n) => n + 1);
                        continue;
                    }
                    var iri = JsonNode.Parse(answer)!["id"]!.GetValue<string>();
                    acknowledged.Add(iri);
                    if (acknowledgedLog is not null) lock (acknowledgedLog) { acknowledgedLog.WriteLine(iri[(iri.LastIndexOf('/') + 1)..]); acknowledgedLog.Flush(); }
                    if (mine.Count < 50) mine.Add(iri);
                }
                catch (HttpRequestException exception)
                {
                    failures.AddOrUpdate($"no answer: {exception.Message}", 1, (_, n) => n + 1);
                }
            }
        })));
        wall.Stop();
        var cpu = ServerCpu.Used(serverPid) - cpuBefore is { } used && acknowledged.Count > 0
            ? $"   app CPU {used.TotalMilliseconds / acknowledged.Count:F2} ms/write" : "";
        var failed = failures.IsEmpty ? "" : "\n  failed: " + string.Join("\n  failed: ", failures.Select(f => $"{f.Value} × {f.Key}"));
        return (latencies.Report(name, wall.Elapsed, $"   201: {acknowledged.Count:N0}{cpu}{failed}"), acknowledged.ToList());
    }

    /// <summary>The acknowledged annotations missing from the teacher's collection.</summary>
    public async Task<int> CountLostAsync(Scene scene, IEnumerable<string> acknowledged)
    {
        var collection = await SendAsync(HttpMethod.Get, $"/api/documents/{scene.DocumentId}/annotations", scene.TeacherToken);
        var stored = collection["first"]!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToHashSet();
        return acknowledged.Count(id => !stored.Contains(id));
    }

    private static string Comment(int documentId, (string Exact, int Start, int End) passage, string text) => new JsonObject
    {
        ["@context"] = "http://www.w3.org/ns/anno.jsonld",
        ["type"] = "Annotation",
        ["motivation"] = "commenting",
        ["visibility"] = "seminar",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextualBody", ["value"] = text, ["format"] = "text/markdown", ["purpose"] = "commenting" }),
        ["target"] = new JsonObject
        {
            ["selector"] = new JsonArray(
                new JsonObject { ["type"] = "TextQuoteSelector", ["exact"] = passage.Exact },
                new JsonObject { ["type"] = "TextPositionSelector", ["start"] = passage.Start, ["end"] = passage.End }),
        },
    }.ToJsonString();

    private static string Reply(string parentIri, string text) => new JsonObject
    {
        ["@context"] = "http://www.w3.org/ns/anno.jsonld",
        ["type"] = "Annotation",
        ["motivation"] = "replying",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextualBody", ["value"] = text, ["format"] = "text/markdown" }),
        ["target"] = parentIri,
    }.ToJsonString();

    private static string Detail(string problem)
    {
        try { return JsonNode.Parse(problem)?["detail"]?.GetValue<string>() ?? problem; }
        catch (JsonException) { return problem.Length > 120 ? problem[..120] : problem; }
    }

    private async Task<string> AccountAsync(string email)
    {
        const string password = "Load-pass-2026";
        await SendAsync(HttpMethod.Post, "/api/auth/register", null, new JsonObject { ["email"] = email, ["password"] = password }, expectBody: false);
        var tokens = await SendAsync(HttpMethod.Post, "/api/auth/login", null, new JsonObject { ["email"] = email, ["password"] = password });
        return tokens["accessToken"]!.GetValue<string>();
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string? token, JsonObject? body = null, bool expectBody = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return expectBody ? JsonNode.Parse(text)! : new JsonObject();
    }
}
