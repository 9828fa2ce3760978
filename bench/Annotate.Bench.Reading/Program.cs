using System.Globalization;
using Annotate.Bench.Reading;

// The reading page's measures of issue 12, against an app already running on --url.
//
//   dotnet Annotate.Bench.Reading.dll --url http://127.0.0.1:5097/ [--pid PID] [--threads 500,2000]
//       [--measures render,circuit,memory,fanout] [--contexts 20] [--pages 20] [--results rows.jsonl] [--quick]
//
// Prints a Markdown table; with --results, appends each row as a line of JSON (the harness's results file).
// --pid (the app's process) is needed for memory; dotnet-gcdump comes from the repository's tool manifest.
var options = Options.Parse(args);
var site = new Site(options.Url);
var article = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Content", "proletarian-internationalism.txt"));
var rows = new List<Row>();
void Add(Row row)
{
    rows.Add(row);
    Console.Error.WriteLine($"  {row.Measure}: {row.Annotate:0.##} {row.Unit} (baseline {row.Baseline:0.##})");
    if (options.Results is { } file) File.AppendAllText(file, row.ToJson() + "\n");
}

var teacher = await site.RegisterAsync("Teacher");
var reader = await site.RegisterAsync("Reader");
await using var browser = await Browser.LaunchAsync(site);

// The bare page of the same app (layout, no discussion) is the baseline of the render and circuit rows.
double? bareRender = null, bareBytes = null, bareCircuit = null;
if (options.Measures.Contains("render"))
{
    var bare = await RenderMeasure.RunAsync(site, reader, "/not-found", TimeSpan.FromSeconds(options.Quick ? 2 : 5));
    (bareRender, bareBytes) = (bare.P50, bare.Bytes / 1024.0);
}
if (options.Measures.Contains("circuit")) bareCircuit = await CircuitMeasure.FirstRenderAsync(browser, reader, "/not-found") / 1024.0;

foreach (var threads in options.Threads)
{
    Console.Error.WriteLine($"Reading page with {threads} threads");
    var (joinCode, documentId, text) = await Site.CreateSeminarAsync(teacher, article);
    await Site.JoinAsync(reader, joinCode);
    var seeded = await Site.SeedAsync(teacher, documentId, text, threads, seed: 42);
    if (seeded < threads) Console.Error.WriteLine($"  only {seeded} of {threads} comments were accepted");
    var large = threads >= 2000;

    if (options.Measures.Contains("render"))
    {
        var render = await RenderMeasure.RunAsync(site, reader, $"/documents/{documentId}", TimeSpan.FromSeconds(options.Quick ? 3 : 20));
        Console.Error.WriteLine($"  {render.Requests} requests, {render.Marks} <mark>s, {render.ThreadCards} thread cards in the HTML");
        Add(new Row($"server render, {threads} threads, p50 (bare page = baseline)", "ms", bareRender, render.P50, large ? "< 100 ms" : "", AtMost: large ? 100 : null));
        Add(new Row($"server render, {threads} threads, p99", "ms", null, render.P99));
        Add(new Row($"first render (HTML), {threads} threads (bare page = baseline)", "KB", bareBytes, render.Bytes / 1024.0, large ? "< 300 KB" : "", AtMost: large ? 300 : null));
    }
    if (options.Measures.Contains("circuit"))
    {
        var circuit = await CircuitMeasure.RunAsync(browser, reader, teacher, documentId, text, options.Quick ? 3 : 10, seed: 7);
        Add(new Row($"first interactive render on the circuit, {threads} threads (bare page = baseline)", "KB", bareCircuit, circuit.FirstRender / 1024.0));
        Add(new Row($"circuit bytes per live event (a comment), {threads} threads", "bytes", null, circuit.PerEvent));
        Add(new Row($"page to server bytes per live event, {threads} threads", "bytes", null, circuit.SentPerEvent));
    }
    if (options.Measures.Contains("memory"))
    {
        if (options.Pid is not { } pid) throw new InvalidOperationException("--pid is needed for the memory measure.");
        var memory = await new MemoryMeasure(browser, pid, options.Repository) { Pages = options.Pages }.RunAsync(reader, documentId);
        Add(new Row($"managed heap per open page, {threads} threads (bare page = baseline)", "KB", memory.Bare.Heap / 1024, memory.Reading.Heap / 1024,
            "≤ 2× bare page", RatioAtMost: 2));
        Add(new Row($"managed heap per further open page, {threads} threads (after {options.Pages} of each)", "KB",
            memory.FurtherBare.Heap / 1024, memory.FurtherReading.Heap / 1024, "≤ 2× bare page", RatioAtMost: 2));
        Add(new Row($"resident set per open page, {threads} threads (bare page = baseline)", "KB", memory.Bare.Resident / 1024, memory.Reading.Resident / 1024));
    }
}

if (options.Measures.Contains("fanout"))
{
    Console.Error.WriteLine($"A post reaching {options.Contexts - 1} other open reading pages ({options.Contexts} contexts, one browser)");
    var (joinCode, documentId, text) = await Site.CreateSeminarAsync(teacher, article);
    var readers = new List<Account>();
    for (var i = 1; i < options.Contexts; i++)
    {
        var student = await site.RegisterAsync($"Student{i}");
        await Site.JoinAsync(student, joinCode);
        readers.Add(student);
    }
    var latencies = await new FanOutMeasure(browser) { Contexts = options.Contexts, Posts = options.Quick ? 2 : 5 }.RunAsync(teacher, readers, documentId, text);
    Add(new Row($"post to {options.Contexts - 1} open reading pages, p50", "ms", null, RenderMeasure.Percentile(latencies, 0.5)));
    Add(new Row($"post to {options.Contexts - 1} open reading pages, p95 ({latencies.Count} arrivals)", "ms", null,
        RenderMeasure.Percentile(latencies, 0.95), "< 250 ms", AtMost: 250));
}

Console.WriteLine("| measure | baseline | Annotate | ratio | target | met |");
Console.WriteLine("|---|---:|---:|---:|---|---|");
foreach (var row in rows) Console.WriteLine(row.ToMarkdown());

internal sealed record Options(Uri Url, int? Pid, IReadOnlyList<int> Threads, IReadOnlySet<string> Measures, int Contexts, int Pages, string? Results, bool Quick, string Repository)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        var quick = args.Contains("--quick");
        var url = Value("--url") ?? throw new ArgumentException("--url is required");
        return new Options(
            new Uri(url.EndsWith('/') ? url : url + "/"),
            Value("--pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            (Value("--threads") ?? (quick ? "100" : "500,2000")).Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList(),
            (Value("--measures") ?? "render,circuit,memory,fanout").Split(',').ToHashSet(),
            int.Parse(Value("--contexts") ?? (quick ? "5" : "20"), CultureInfo.InvariantCulture),
            int.Parse(Value("--pages") ?? (quick ? "5" : MemoryMeasure.DefaultPages.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
            Value("--results"),
            quick,
            Value("--repository") ?? Directory.GetCurrentDirectory());
    }
}
