using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ECommerce.Storefront.Operations;

/// <summary>Counts a circuit from the moment it opens until Blazor closes it (after its shopper left and it was not reclaimed).</summary>
internal sealed class OpenCircuitCounter(OpenCircuits circuits, ILogger<OpenCircuitCounter> logger) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened();
        logger.LogDebug("Circuit {CircuitId} opened", circuit.Id);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed();
        logger.LogDebug("Circuit {CircuitId} closed", circuit.Id);
        return Task.CompletedTask;
    }
}
