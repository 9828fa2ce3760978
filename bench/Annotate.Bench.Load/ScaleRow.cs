namespace Annotate.Bench.Load;

/// <summary>
/// One line of bench/scale.sh's table: a measure on one instance on SQLite, one instance on PostgreSQL + Redis,
/// and two instances on PostgreSQL + Redis (null where a set-up has no such figure), measured in the same run.
/// </summary>
internal sealed record ScaleRow(string Measure, string Unit, double? Sqlite, double? OneInstance, double? TwoInstances)
{
    public double? TwoOverSqlite => Ratio(TwoInstances, Sqlite);

    public double? TwoOverOne => Ratio(TwoInstances, OneInstance);

    private static double? Ratio(double? value, double? of) => value is { } v && of is > 0 && !double.IsNaN(v) ? v / of.Value : null;
}
