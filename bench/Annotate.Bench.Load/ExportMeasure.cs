using System.Globalization;
using System.Text.Json;

namespace Annotate.Bench.Load;

/// <summary>
/// Issue 12's rows for the reads of a whole discussion: the JSON-LD export of a document of 10,000 annotations
/// (under 0.5 s), its participation overview and the seminar's dashboard (the seminar's overview; each under 100 ms),
/// all as the seminar's teacher, who sees every
/// annotation. The annotations are imported through the API (the search measure's corpus, every file open to the
/// seminar, all on one document). The baseline, timed in turn with each request as in the search measure, is
/// <c>GET /api/annotations/{id}</c>: one indexed row through the same sign-in, HTTP and JSON.
/// </summary>
internal static class ExportMeasure
{
    public static async Task RunAsync(HttpClient http, Server annotate, int annotations, int rounds, ResultsFile results)
    {
        var label = annotations.ToString("#,0", CultureInfo.InvariantCulture);
        Console.WriteLine($"Export and overview: importing {label} annotations into one document");
        var run = new SearchRun(http, annotate.Url, SearchMeasure.ArticleText());
        var seminar = await run.SeedAsync(annotations, seed: 12, documentCount: 1, openToAll: true);
        var document = seminar.Documents[0];
        var export = $"api/documents/{document}/export?format=jsonld";
        var overview = $"api/documents/{document}/participation";
        var dashboard = $"api/seminars/{seminar.Id}/dashboard";

        // The warm-up round, and the check that the export holds what it is said to: a measure of fewer would mislead.
        var (_, body) = await run.GetAsync(export, seminar.TeacherToken);
        using (var exported = JsonDocument.Parse(body))
        {
            var total = exported.RootElement.GetProperty("total").GetInt32();
            if (total != annotations) throw new InvalidOperationException($"The export holds {total} annotations, not {annotations}.");
        }
        await run.TimeAsync(overview, seminar.TeacherToken);
        await run.TimeAsync(dashboard, seminar.TeacherToken);

        Console.WriteLine($"Export and overview: {rounds} rounds at {label} annotations");
        List<double> exports = [], overviews = [], dashboards = [], baseline = [];
        for (var round = 0; round < rounds; round++)
        {
            exports.Add(await run.TimeAsync(export, seminar.TeacherToken));
            baseline.Add(await run.TimeAsync(seminar.AnnotationIri, seminar.TeacherToken));
            overviews.Add(await run.TimeAsync(overview, seminar.TeacherToken));
            baseline.Add(await run.TimeAsync(seminar.AnnotationIri, seminar.TeacherToken));
            dashboards.Add(await run.TimeAsync(dashboard, seminar.TeacherToken));
            baseline.Add(await run.TimeAsync(seminar.AnnotationIri, seminar.TeacherToken));
        }
        var (sortedExports, sortedOverviews, sortedBaseline) = (Percentiles.Sorted(exports), Percentiles.Sorted(overviews), Percentiles.Sorted(baseline));
        results.Add(new ResultRow($"JSON-LD export, {label} annotations, p50", "ms", Percentiles.Of(sortedBaseline, 50), Percentiles.Of(sortedExports, 50)));
        results.Add(new ResultRow($"JSON-LD export, {label} annotations, p99 ({rounds} runs)", "ms", Percentiles.Of(sortedBaseline, 99),
            Percentiles.Of(sortedExports, 99), "< 500 ms", AtMost: 500));
        results.Add(new ResultRow($"JSON-LD export, {label} annotations, size", "KB", null, body.Length / 1024.0));
        results.Add(new ResultRow($"overview (participation), {label} annotations, p50", "ms", Percentiles.Of(sortedBaseline, 50), Percentiles.Of(sortedOverviews, 50)));
        results.Add(new ResultRow($"overview (participation), {label} annotations, p99 ({rounds} runs)", "ms", Percentiles.Of(sortedBaseline, 99),
            Percentiles.Of(sortedOverviews, 99), "< 100 ms", AtMost: 100));
        var sortedDashboards = Percentiles.Sorted(dashboards);
        results.Add(new ResultRow($"seminar dashboard, {label} annotations, p50", "ms", Percentiles.Of(sortedBaseline, 50), Percentiles.Of(sortedDashboards, 50)));
        results.Add(new ResultRow($"seminar dashboard, {label} annotations, p99 ({rounds} runs)", "ms", Percentiles.Of(sortedBaseline, 99),
            Percentiles.Of(sortedDashboards, 99), "< 100 ms", AtMost: 100));
    }
}
