using System.Diagnostics;
using System.Globalization;

namespace Annotate.WriteLoad;

/// <summary>Single-call times of one measure, and the line that reports them.</summary>
internal sealed class Latencies
{
    private readonly List<double> milliseconds = [];
    private readonly Lock gate = new();

    public void Add(long startTimestamp)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        lock (gate) milliseconds.Add(elapsed);
    }

    public int Count => milliseconds.Count;

    public string Report(string name, TimeSpan wall, string extra = "")
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var rate = sorted.Length / wall.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {sorted.Length,7:N0} in {wall.TotalSeconds,6:F2} s = {rate,8:N0}/s   p50 {At(0.50),7:F1} ms  p95 {At(0.95),7:F1} ms  p99 {At(0.99),7:F1} ms  max {sorted.LastOrDefault(),7:F1} ms{extra}");
    }
}
