using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Annotate.Bench.Load;

/// <summary>bench/scale.sh's rows, a JSON object per line, and the one table it prints of them.</summary>
internal sealed class ScaleReport(string path)
{
    public const string Heading = "| measure | one instance, SQLite | one instance, PostgreSQL + Redis | two instances, PostgreSQL + Redis | two ÷ SQLite | two ÷ one |";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Add(ScaleRow row)
    {
        File.AppendAllText(path, JsonSerializer.Serialize(row, Json) + "\n");
        Console.WriteLine($"  {row.Measure}: {Report.Figure(row.Sqlite, row.Unit)} | {Report.Figure(row.OneInstance, row.Unit)} | {Report.Figure(row.TwoInstances, row.Unit)}");
    }

    public string Table()
    {
        var table = new StringBuilder();
        table.AppendLine(Heading);
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in File.ReadLines(path).Where(line => line.Trim().Length > 0).Select(line => JsonSerializer.Deserialize<ScaleRow>(line, Json)!))
            table.AppendLine($"| {row.Measure} | {Report.Figure(row.Sqlite, row.Unit)} | {Report.Figure(row.OneInstance, row.Unit)} | {Report.Figure(row.TwoInstances, row.Unit)} | {Ratio(row.TwoOverSqlite)} | {Ratio(row.TwoOverOne)} |");
        return table.ToString();
    }

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "";
}
