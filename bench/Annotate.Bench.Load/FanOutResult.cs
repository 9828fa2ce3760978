namespace Annotate.Bench.Load;

/// <summary>
/// What one fan-out measure saw, in ms and sorted: delivery latencies from the POST's start, each post's first
/// delivery, the deliveries from each post's first one (<see cref="Arrivals.SpreadsFrom"/>), POST times; and
/// memory per connection.
/// </summary>
internal sealed record FanOutResult(List<double> Latencies, List<double> FirstDeliveries, List<double> Spreads, int Expected, List<double> PostTimes, double? KilobytesPerConnection, int PayloadBytes)
{
    public double DeliveredPercent => 100.0 * Latencies.Count / Expected;
}
