namespace Annotate.Bench.Load;

/// <summary>
/// What one fan-out measure saw, in ms and sorted: delivery latencies from the POST's start, each post's first
/// delivery, the deliveries from each post's first one (<see cref="Arrivals.SpreadsFrom"/>), POST times; and
/// memory per connection. <see cref="ByServer"/>: the latencies and first deliveries of the clients of each
/// instance, when they were spread over several.
/// </summary>
internal sealed record FanOutResult(List<double> Latencies, List<double> FirstDeliveries, List<double> Spreads, int Expected, List<double> PostTimes, double? KilobytesPerConnection, int PayloadBytes,
    IReadOnlyDictionary<Uri, (List<double> Latencies, List<double> FirstDeliveries)>? ByServer = null)
{
    public double DeliveredPercent => 100.0 * Latencies.Count / Expected;
}
