using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace ECommerce.Storefront.Components.Widgets;

/// <summary>
/// A product's picture, drawn by code from its id, name and category: a tinted card with the category's icon and
/// the name's initials. Nothing is downloaded and nothing needs a licence.
/// </summary>
public static class ProductPicture
{
    // The picture endpoint answers every browser that has not kept a product's picture yet: each is drawn once and
    // kept (one per product, replaced when its name or shelf changes).
    private static readonly ConcurrentDictionary<int, (string Name, string Category, string Svg)> Drawn = new();

    /// <summary>An SVG element (4:3) for the product; the name is only used for its initials and label.</summary>
    public static string Svg(int productId, string name, string categoryName)
    {
        if (Drawn.TryGetValue(productId, out var kept) && kept.Name == name && kept.Category == categoryName)
        {
            return kept.Svg;
        }

        var svg = Draw(productId, name, categoryName);
        Drawn[productId] = (name, categoryName, svg);
        return svg;
    }

    private static string Draw(int productId, string name, string categoryName)
    {
        var hue = CategoryLook.HueFor(productId);
        var icon = CategoryLook.IconFor(categoryName);
        var initials = WebUtility.HtmlEncode(Initials(name));
        var id = productId.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 90" role="img" aria-label="Picture of {WebUtility.HtmlEncode(name)}" preserveAspectRatio="xMidYMid slice"><defs><linearGradient id="art-{id}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl({hue} 45% 92%)"/><stop offset="1" stop-color="hsl({(hue + 30) % 360} 40% 82%)"/></linearGradient></defs><rect width="120" height="90" fill="url(#art-{id})"/><circle cx="100" cy="14" r="26" fill="hsl({hue} 40% 70%)" opacity=".35"/><circle cx="14" cy="84" r="20" fill="hsl({(hue + 60) % 360} 40% 70%)" opacity=".3"/><g transform="translate(36 14) scale(2)" fill="hsl({hue} 35% 35%)">{icon}</g><text x="60" y="80" text-anchor="middle" font-family="system-ui, sans-serif" font-size="11" font-weight="700" fill="hsl({hue} 35% 30%)">{initials}</text></svg>
            """);
    }

    /// <summary>Up to two initials: "Jeju Green Tea" is "JG".</summary>
    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetterOrDigit(w[0]))
            .Take(2)
            .Select(w => char.ToUpperInvariant(w[0])));
}
