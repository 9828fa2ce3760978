namespace Annotate.Bench.Load;

/// <summary>
/// One line of the harness's table, as a line of JSON in the results file. Any measure can add rows (the
/// browser measure is a separate command that appends its own, see bench/README.md). <see cref="Baseline"/>
/// is the figure of the baseline measured in the same run; the target holds when every bound given holds:
/// <see cref="RatioAtMost"/> bounds Annotate ÷ baseline, <see cref="AtMost"/> and <see cref="AtLeast"/> bound
/// the Annotate figure itself. A row with no bound is information only.
/// </summary>
internal sealed record ResultRow(
    string Measure,
    string Unit,
    double? Baseline,
    double? Annotate,
    string Target = "",
    double? RatioAtMost = null,
    double? AtMost = null,
    double? AtLeast = null)
{
    public double? Ratio => Baseline is > 0 && Annotate is { } annotate ? annotate / Baseline.Value : null;

    /// <summary>Null: no target, or no figure to judge.</summary>
    public bool? Met
    {
        get
        {
            if (RatioAtMost is null && AtMost is null && AtLeast is null) return null;
            if (Annotate is not { } value) return false;
            if (RatioAtMost is { } ratioBound && (Ratio is not { } ratio || ratio > ratioBound)) return false;
            return (AtMost is null || value <= AtMost) && (AtLeast is null || value >= AtLeast);
        }
    }
}
