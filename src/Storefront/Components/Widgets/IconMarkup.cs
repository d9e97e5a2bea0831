using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>
/// MudIcon's own markup for an icon that only shows: the same svg and classes, as part of the caller's render tree
/// instead of a component of its own. Each component is held with its render trees in every open circuit, and a page
/// of links with icons had dozens of them for pictures that never change.
/// </summary>
public static class IconMarkup
{
    // One markup frame per icon instead of an element with five attributes (seven frames in every circuit's tree), and
    // one string per icon and classes for the whole process: the icons and their classes are the code's constants.
    private static readonly ConcurrentDictionary<(string Icon, string Classes), RenderFragment> Fragments = new();

    /// <summary>The icon's svg; <paramref name="classes"/> are MudIcon's (size, colour) and the caller's own.</summary>
    public static RenderFragment Svg(string icon, string classes = "mud-icon-size-medium") =>
        Fragments.GetOrAdd((icon, classes), static key =>
        {
            var markup = new MarkupString(
                $"<svg class=\"mud-icon-root mud-svg-icon {HtmlEncoder.Default.Encode(key.Classes)}\" focusable=\"false\" " +
                $"viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>");
            return builder => builder.AddContent(0, markup);
        });
}
