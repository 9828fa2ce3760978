using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Annotate.Web.Operations.Telemetry;

/// <summary>Counts open Blazor Server circuits for <see cref="AnnotateMetrics"/>.</summary>
internal sealed class CircuitCounter(AnnotateMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
