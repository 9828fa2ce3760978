namespace Annotate.Bench.Load;

/// <summary>
/// What concurrent writers achieved: writes per second over the whole run, each write's time in ms (sorted),
/// and what became of them: <see cref="Lost"/> writes were acknowledged but are not in the database.
/// </summary>
internal sealed record WriteResult(double PerSecond, List<double> Latencies, int Succeeded, long Rows, int Locked, int OtherErrors)
{
    public long Lost => Succeeded - Rows;
}
