using System.Globalization;
using System.Text.Json;

namespace Annotate.Bench.Reading;

/// <summary>
/// One measured figure. The JSON line is the harness's row (bench/run.sh reads them from $BENCH_RESULTS):
/// <see cref="Baseline"/> is a figure measured beside it in the same run (a bare page, a server render with
/// no threads), and the bounds say what the issue asks.
/// </summary>
internal sealed record Row(
    string Measure,
    string Unit,
    double? Baseline,
    double? Annotate,
    string Target = "",
    double? RatioAtMost = null,
    double? AtMost = null,
    double? AtLeast = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public double? Ratio => Baseline is > 0 && Annotate is { } value ? value / Baseline.Value : null;

    public string Met => (RatioAtMost, AtMost, AtLeast) is (null, null, null) ? ""
        : Annotate is not { } value ? "no"
        : (RatioAtMost is null || Ratio <= RatioAtMost) && (AtMost is null || value <= AtMost) && (AtLeast is null || value >= AtLeast) ? "yes" : "no";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public string ToMarkdown() =>
        $"| {Measure} | {Figure(Baseline)} | {Figure(Annotate)} | {(Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "")} | {Target} | {Met} |";

    private string Figure(double? value) => value is not { } v ? "" : $"{v.ToString(v >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture)} {Unit}";
}
