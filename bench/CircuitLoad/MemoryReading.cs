namespace ECommerce.CircuitLoad;

/// <summary>What POST /diagnostics/memory answers, after a forced full collection.</summary>
internal sealed record MemoryReading(long Circuits, long ManagedBytes, long HeapSizeBytes, long WorkingSetBytes, long PrivateBytes, int ProcessId);
