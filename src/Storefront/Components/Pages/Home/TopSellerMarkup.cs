using System.Text.Encodings.Web;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Common;
using ECommerce.Storefront.Components.Widgets;
using Microsoft.AspNetCore.Components;

namespace ECommerce.Storefront.Components.Pages.Home;

/// <summary>
/// One line of the home page's top-5 as one markup string, shared by every circuit showing the same line: the top-5 is
/// the same for every visitor, and written as elements its five lines were most of the list's 512-frame render tree
/// (20 KB) in every open home page. The classes and CSS scope attributes are the ones the elements had (the scopes are
/// fixed in Storefront.csproj, <c>CssScope</c>), so the look is the same.
/// </summary>
internal static class TopSellerMarkup
{
    /// <summary>The CSS scope of TopSellers.razor.css, fixed in Storefront.csproj.</summary>
    public const string Scope = "b-top-sellers";

    // A line changes with the ranking, a price or the stock left; bounded like the catalog's cards.
    private static readonly SharedMarkup<(TopSeller Line, int LowStockThreshold)> Lines =
        new(1_024, static key => Write(key.Line, key.LowStockThreshold));

    public static RenderFragment Of(TopSeller line, int lowStockThreshold) => Lines.Of((line, lowStockThreshold));

    /// <summary>The line's HTML: the same elements, classes and attributes as TopSellers.razor wrote.</summary>
    public static string Write(TopSeller line, int lowStockThreshold)
    {
        var encode = HtmlEncoder.Default;
        return
            $"<li class=\"top-seller\" {Scope}><span class=\"rank\" title=\"Rank\" {Scope}>{line.Rank}</span>" +
            ProductArt.Markup(line.ProductId, line.Name, "small") +
            $"<div class=\"details\" {Scope}><a class=\"name\" href=\"products/{line.ProductId}\" {Scope}>{encode.Encode(line.Name)}</a>" +
            $"<span class=\"price\" {Scope}>{encode.Encode(Money.Format(line.Price))}</span></div>" +
            $"<div class=\"figures\" {Scope}><span class=\"sold\" {Scope}>{line.UnitsSold} sold</span>" +
            $"{StockBadge.Markup(line.Stock, lowStockThreshold)}</div></li>";
    }
}
