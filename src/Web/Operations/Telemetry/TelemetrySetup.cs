using Annotate.Web.Realtime;
using Annotate.Web.Setup;
using Microsoft.AspNetCore.Components.Server.Circuits;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Annotate.Web.Operations.Telemetry;

/// <summary>
/// Metrics and traces over OTLP, only where `OTEL_EXPORTER_OTLP_ENDPOINT` is configured (the standard
/// variable, or the same key in appsettings): with none, no exporter and no provider exist, so nothing is
/// collected or sent. The other OTEL_* variables (protocol, headers, service name) work as the SDK documents.
/// </summary>
internal static class TelemetrySetup
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void AddAnnotateTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AnnotateMetrics>();
        services.AddSingleton<CircuitHandler, CircuitCounter>();
        // The feed itself (in memory, or over Redis between instances) is wrapped so that every publish is counted.
        services.AddAnnotateFeed(builder.Configuration);
        services.AddSingleton<IAnnotationFeed>(sp => new MeteredAnnotationFeed(RedisSetup.InnerFeed(sp), sp.GetRequiredService<AnnotateMetrics>()));

        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting])) return;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("Annotate"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(AnnotateMetrics.MeterName, "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Components.Server.Circuits"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddSource(AnnotateMetrics.MeterName))
            .UseOtlpExporter();
    }
}
