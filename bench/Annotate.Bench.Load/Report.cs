using System.Globalization;
using System.Text;

namespace Annotate.Bench.Load;

/// <summary>
/// The one table the harness prints: measure, baseline, Annotate, ratio, target, met. Its heading line is
/// what test.sh looks for; the figures are never judged there (timings on a shared machine vary).
/// </summary>
internal static class Report
{
    public const string Heading = "| measure | baseline | Annotate | ratio | target | met |";

    public static string Table(IEnumerable<ResultRow> rows)
    {
        var table = new StringBuilder();
        table.AppendLine(Heading);
        table.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            var ratio = row.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "";
            var met = row.Met switch { true => "yes", false => "**no**", null => "" };
            table.AppendLine($"| {row.Measure} | {Figure(row.Baseline, row.Unit)} | {Figure(row.Annotate, row.Unit)} | {ratio} | {row.Target} | {met} |");
        }
        return table.ToString();
    }

    public static string Figure(double? value, string unit) => value is not { } v ? "–" : unit switch
    {
        "ms" => v.ToString(v < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture) + " ms",
        "/s" => v.ToString("#,0", CultureInfo.InvariantCulture) + "/s",
        "%" => v.ToString("0.0", CultureInfo.InvariantCulture) + " %",
        "KB" => v.ToString("#,0", CultureInfo.InvariantCulture) + " KB",
        "×" => v.ToString("0.00", CultureInfo.InvariantCulture) + "×",
        "" => v.ToString("#,0.##", CultureInfo.InvariantCulture),
        _ => v.ToString("#,0.##", CultureInfo.InvariantCulture) + " " + unit,
    };
}
