using System.Text.Encodings.Web;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Common;
using ECommerce.Storefront.Components.Widgets;
using Microsoft.AspNetCore.Components;

namespace ECommerce.Storefront.Components.Pages.Catalog;

/// <summary>
/// A catalog card as one markup string, shared by every circuit that shows the same product with the same stock.
/// Written as elements, a card was about 45 frames (and a dozen strings built per render) in the render tree of every
/// open catalog circuit, for markup that holds no handler: 24 cards grew the page's tree to 2,048 frames (80 KB).
/// As markup it is one frame per card. The classes and the CSS scope attributes are the ones the card's elements had
/// (the scopes are fixed in Storefront.csproj, <c>CssScope</c>), so the look is the same.
/// </summary>
internal static class ProductCardMarkup
{
    /// <summary>The CSS scope of ProductCard.razor.css, fixed in Storefront.csproj.</summary>
    public const string Scope = "b-product-card";

    // A product's card changes only with its name, price or stock: keyed by the record (value equality) and the shop's
    // threshold. Bounded: shoppers paging through 20,000 products must not grow it for good; a full cache starts again.
    private static readonly SharedMarkup<(ProductSummary Product, int LowStockThreshold)> Cards =
        new(4_096, static key => Write(key.Product, key.LowStockThreshold));

    public static RenderFragment Of(ProductSummary product, int lowStockThreshold) => Cards.Of((product, lowStockThreshold));

    /// <summary>The card's HTML: the same elements, classes and attributes as ProductCard.razor wrote.</summary>
    public static string Write(ProductSummary product, int lowStockThreshold)
    {
        var encode = HtmlEncoder.Default;
        var href = $"products/{product.Id}";
        return
            $"<article class=\"product-card tile\" {Scope}>" +
            $"<a href=\"{href}\" tabindex=\"-1\" aria-hidden=\"true\" {Scope}>{ProductArt.Markup(product.Id, product.Name, "medium")}</a>" +
            $"<div class=\"body\" {Scope}><span class=\"category\" {Scope}>{encode.Encode(product.CategoryName)}</span>" +
            $"<h3 {Scope}><a class=\"name\" href=\"{href}\" {Scope}>{encode.Encode(product.Name)}</a></h3>" +
            $"<div class=\"foot\" {Scope}><span class=\"price\" {Scope}>{encode.Encode(Money.Format(product.Price))}</span>" +
            $"{StockBadge.Markup(product.Stock, lowStockThreshold)}</div></div></article>";
    }
}
