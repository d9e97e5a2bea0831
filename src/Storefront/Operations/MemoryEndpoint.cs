using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Operations;

/// <summary>
/// POST /diagnostics/memory for the capacity benchmark (bench/circuits.sh): a full, compacting collection, then the
/// managed heap, the working set and the open circuits. Off unless Shop:Operations:MemoryEndpoint is true, and then
/// only for a local caller like /metrics: a forced collection pauses every shopper of the instance.
/// </summary>
internal static class MemoryEndpoint
{
    public static WebApplication MapMemoryDiagnostics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<OperationsOptions>>().Value;
        if (!options.MemoryEndpoint)
        {
            return app;
        }

        app.MapPost("/diagnostics/memory", (HttpContext http, OpenCircuits circuits) =>
        {
            if (!MetricsAccess.FromThisMachineDirectly(http))
            {
                return Results.NotFound();
            }

            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return Results.Ok(new MemoryReading(
                circuits.Count, GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().HeapSizeBytes,
                process.WorkingSet64, process.PrivateMemorySize64, Environment.ProcessId));
        }).DisableAntiforgery();
        return app;
    }

    private sealed record MemoryReading(long Circuits, long ManagedBytes, long HeapSizeBytes, long WorkingSetBytes, long PrivateBytes, int ProcessId);
}
