using Microsoft.Diagnostics.Runtime;

namespace ECommerce.CircuitLoad;

/// <summary>
/// The instance's live heap grouped by type, read with ClrMD from the suspended process: two of them (before and
/// with the circuits open) say which types a circuit's memory is made of.
/// </summary>
internal static class HeapByType
{
    public static HeapReading Read(int processId)
    {
        // Suspended while read, so the heap holds still. The DAC is the one beside the instance's runtime; ClrMD 4.2 reads
        // .NET 10's version as 0.0 and would refuse it, hence ignoreMismatch.
        using var target = DataTarget.AttachToProcess(processId, suspend: true);
        var clr = target.ClrVersions.Single();
        var dac = Path.Combine(Path.GetDirectoryName(clr.ModuleInfo.FileName) ?? "", "libmscordaccore.so");
        using var runtime = File.Exists(dac) ? clr.CreateRuntime(dac, ignoreMismatch: true) : clr.CreateRuntime();
        var types = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        foreach (var obj in runtime.Heap.EnumerateObjects())
        {
            if (!obj.IsValid || obj.IsFree)
            {
                continue;
            }

            var name = obj.Type?.Name ?? "?";
            if (name == "System.Byte[]")
            {
                // Buffers say more by their size: a socket's pipe segments, the persisted state, a render batch.
                name = $"System.Byte[] of {1L << (int)Math.Ceiling(Math.Log2(Math.Max(2, (long)obj.Size)))} B or less";
            }

            var (count, bytes) = types.GetValueOrDefault(name);
            types[name] = (count + 1, bytes + (long)obj.Size);
        }

        return new HeapReading(types, RenderTreesByComponent.Read(runtime.Heap));
    }

    /// <summary>The types that grew most between the two readings, per circuit.</summary>
    public static IEnumerable<string> TopGrowth(Dictionary<string, (long Count, long Bytes)> before,
        Dictionary<string, (long Count, long Bytes)> after, long circuits, int top) =>
        after.Select(t =>
            {
                var was = before.GetValueOrDefault(t.Key);
                return (Type: t.Key, Count: t.Value.Count - was.Count, Bytes: t.Value.Bytes - was.Bytes);
            })
            .OrderByDescending(t => t.Bytes)
            .Take(top)
            .Select(t => $"  {t.Bytes / (double)circuits / 1024,8:F1} KB/circuit  {t.Count / (double)circuits,7:F1} objects/circuit  {t.Type}");
}
