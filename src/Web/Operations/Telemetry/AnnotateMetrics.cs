using System.Diagnostics;
using System.Diagnostics.Metrics;
using Annotate.Web.Realtime;

namespace Annotate.Web.Operations.Telemetry;

/// <summary>
/// Our own instruments, beside the framework's request metrics: what a person running Annotate asks first
/// (how much is written, how many are connected, how fast live updates reach readers, how long anchoring
/// takes). Made by the host's IMeterFactory, so every app in a process has its own meter.
/// </summary>
internal sealed class AnnotateMetrics
{
    public const string MeterName = "Annotate";

    /// <summary>Spans for our own background work (anchoring), where no request span stands around it.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    private readonly Counter<long> written;
    private readonly UpDownCounter<long> circuits;
    private readonly Histogram<double> fanOut;
    private readonly Histogram<double> anchoring;

    public AnnotateMetrics(IMeterFactory meterFactory, HubConnections hubConnections)
    {
        var meter = meterFactory.Create(MeterName);
        written = meter.CreateCounter<long>("annotate.annotations.written", "{annotation}",
            "Annotations created, imported or deleted (tag kind).");
        meter.CreateObservableUpDownCounter("annotate.hub.connections", () => (long)hubConnections.Count, "{connection}",
            "Open connections to the annotation hub (/hubs/annotations).");
        circuits = meter.CreateUpDownCounter<long>("annotate.circuits", "{circuit}", "Open Blazor Server circuits (people on a page).");
        fanOut = meter.CreateHistogram<double>("annotate.feed.delivery", "s",
            "From publishing a live event to a subscriber (a reading page, the hub relay) having handled it.");
        anchoring = meter.CreateHistogram<double>("annotate.anchoring.duration", "s",
            "Placing a document's annotations on its new revisions, per document.");
    }

    public void Written(string kind, long count = 1) => written.Add(count, new KeyValuePair<string, object?>("kind", kind));

    public void CircuitOpened() => circuits.Add(1);

    public void CircuitClosed() => circuits.Add(-1);

    public void Delivered(TimeSpan elapsed) => fanOut.Record(elapsed.TotalSeconds);

    public void Anchored(TimeSpan elapsed) => anchoring.Record(elapsed.TotalSeconds);
}
