using System.Text.Json;

namespace Annotate.Bench.Load;

/// <summary>The rows of one run, a JSON object per line, appended by each measure as it finishes.</summary>
internal sealed class ResultsFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Add(ResultRow row)
    {
        File.AppendAllText(path, JsonSerializer.Serialize(row, Json) + "\n");
        Console.WriteLine($"  {row.Measure}: baseline {Report.Figure(row.Baseline, row.Unit)}, Annotate {Report.Figure(row.Annotate, row.Unit)}");
    }

    public IReadOnlyList<ResultRow> Read() => File.Exists(path)
        ? File.ReadLines(path).Where(line => line.Trim().Length > 0).Select(line => JsonSerializer.Deserialize<ResultRow>(line, Json)!).ToList()
        : [];
}
