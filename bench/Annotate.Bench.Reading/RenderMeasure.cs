using System.Diagnostics;
using System.Text;

namespace Annotate.Bench.Reading;

/// <summary>
/// The server render of the reading page: GET /documents/{id} with a reader's cookie runs the whole prerender
/// (load the document and what the reader may see, place the highlights, draw the article and the thread list).
/// One request at a time, as wrk -c1 did; the bare /not-found page of the same app, rendered the same way, is
/// the baseline.
/// </summary>
internal static class RenderMeasure
{
    public sealed record Result(double P50, double P90, double P99, int Requests, int Bytes, int Marks, int ThreadCards);

    public static async Task<Result> RunAsync(Site site, Account reader, string path, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = site.Root };
        http.DefaultRequestHeaders.Add("Cookie", $"{reader.Cookie.Name}={reader.Cookie.Value}");
        byte[] page = [];
        for (var i = 0; i < 5; i++) page = await GetAsync(http, path);
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < duration || times.Count < 10)
        {
            var one = Stopwatch.StartNew();
            page = await GetAsync(http, path);
            times.Add(one.Elapsed.TotalMilliseconds);
            if (times.Count >= 400) break;
        }
        var html = Encoding.UTF8.GetString(page);
        // To see what the bytes are: BENCH_SAVE_HTML=dir keeps the last page of each size.
        if (Environment.GetEnvironmentVariable("BENCH_SAVE_HTML") is { Length: > 0 } folder)
            await File.WriteAllTextAsync(Path.Combine(folder, $"{path.Trim('/').Replace('/', '-')}.html"), html);
        return new Result(Percentile(times, 0.50), Percentile(times, 0.90), Percentile(times, 0.99), times.Count, page.Length,
            Count(html, "<mark"), Count(html, "id=\"thread-"));
    }

    private static async Task<byte[]> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static int Count(string html, string what)
    {
        var count = 0;
        for (var at = html.IndexOf(what, StringComparison.Ordinal); at >= 0; at = html.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
