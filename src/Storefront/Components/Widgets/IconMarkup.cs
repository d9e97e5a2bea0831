using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>
/// MudIcon's own markup for an icon that only shows: the same svg and classes, as part of the caller's render tree
/// instead of a component of its own. Each component is held with its render trees in every open circuit, and a page
/// of links with icons had dozens of them for pictures that never change.
/// </summary>
public static class IconMarkup
{
    /// <summary>The icon's svg; <paramref name="classes"/> are MudIcon's (size, colour) and the caller's own.</summary>
    public static RenderFragment Svg(string icon, string classes = "mud-icon-size-medium") => builder => Write(builder, icon, classes);

    private static void Write(RenderTreeBuilder builder, string icon, string classes)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "mud-icon-root mud-svg-icon " + classes);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    }
}
