using Microsoft.Diagnostics.Runtime;

namespace ECommerce.CircuitLoad;

/// <summary>
/// Which components hold the render trees: for every live component state, its component's type and the bytes of the
/// render-tree arrays its two builders keep (the current tree and the previous one, kept for the next diff). The
/// render trees are most of a circuit, so this says which part of a page to make lighter.
/// </summary>
internal static class RenderTreesByComponent
{
    public static Dictionary<string, (long Count, long Bytes)> Read(ClrHeap heap)
    {
        var components = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        foreach (var state in heap.EnumerateObjects())
        {
            if (!state.IsValid || state.Type?.Name is not ("Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState"
                or "Microsoft.AspNetCore.Components.Rendering.ComponentState"))
            {
                continue;
            }

            var component = state.ReadObjectField("<Component>k__BackingField");
            var name = component.IsValid ? component.Type?.Name ?? "?" : "?";
            long bytes = 0;
            foreach (var field in state.Type.Fields.Where(f => f.Type?.Name == "Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder"))
            {
                bytes += FramesOf(state.ReadObjectField(field.Name!));
            }

            var (count, total) = components.GetValueOrDefault(name);
            components[name] = (count + 1, total + bytes);
        }

        return components;
    }

    // RenderTreeBuilder -> its RenderTreeFrameArrayBuilder -> the RenderTreeFrame[] it grew.
    private static long FramesOf(ClrObject builder)
    {
        if (!builder.IsValid || builder.Type is null)
        {
            return 0;
        }

        var entriesField = builder.Type.Fields.FirstOrDefault(f => f.Type?.Name?.EndsWith("RenderTreeFrameArrayBuilder", StringComparison.Ordinal) == true);
        if (entriesField is null)
        {
            return 0;
        }

        var entries = builder.ReadObjectField(entriesField.Name!);
        if (!entries.IsValid || entries.Type is null)
        {
            return 0;
        }

        // The array field lives on its generic base (ArrayBuilder<RenderTreeFrame>): look through the type's own fields.
        var itemsField = entries.Type.Fields.FirstOrDefault(f => f.Type?.Name?.EndsWith("RenderTreeFrame[]", StringComparison.Ordinal) == true);
        return itemsField is null ? 0 : (long)entries.ReadObjectField(itemsField.Name!).Size;
    }
}
