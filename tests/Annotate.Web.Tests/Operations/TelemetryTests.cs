using System.Net;
using Annotate.Web.Operations.Telemetry;
using Annotate.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Annotate.Web.Tests.Operations;

/// <summary>
/// Alone in the process while it runs: the in-memory exporter listens to every meter named "Annotate",
/// and other tests' apps would count their writes too.
/// </summary>
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>Our meters count what happened, and nothing is collected or exported unless an OTLP endpoint is set.</summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task Posting_an_annotation_counts_one_written()
    {
        await using var app = new AnnotateApp();
        var room = await app.CreateClassroomAsync();
        var exported = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(AnnotateMetrics.MeterName).AddInMemoryExporter(exported).Build();

        await room.StudentA.CreateAnnotationAsync(room.DocumentId, room.Comment("spectre"));
        meters.ForceFlush();

        // Read before the provider goes: disposing it exports once more.
        var written = Assert.Single(exported, m => m.Name == "annotate.annotations.written");
        var points = new List<(string? Kind, long Value)>();
        foreach (ref readonly var point in written.GetMetricPoints())
        {
            string? kind = null;
            foreach (var tag in point.Tags) if (tag.Key == "kind") kind = tag.Value as string;
            points.Add((kind, point.GetSumLong()));
        }
        Assert.Equal([("created", 1L)], points);
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_there_is_no_telemetry_provider()
    {
        await using var app = new AnnotateApp();
        await (await app.CreateApiClient().GetAsync("/health")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_requests_and_our_meters_are_collected()
    {
        // Nothing listens there: the exporter's sends fail quietly, on this machine only.
        await using var app = AnnotateApp.WithSettings((TelemetrySetup.EndpointSetting, "http://127.0.0.1:9"));
        await (await app.CreateApiClient().GetAsync("/health")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }
}
