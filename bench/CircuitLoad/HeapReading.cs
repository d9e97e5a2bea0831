namespace ECommerce.CircuitLoad;

/// <summary>One reading of the instance's heap: live objects by type, and render-tree bytes by component type.</summary>
internal sealed record HeapReading(Dictionary<string, (long Count, long Bytes)> Types, Dictionary<string, (long Count, long Bytes)> RenderTrees);
