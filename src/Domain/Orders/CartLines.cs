using ECommerce.Domain.Catalog;

namespace ECommerce.Domain.Orders;

/// <summary>The rules of an order's lines, shared by the cart review and the placement: the limits, and pricing against the shelf.</summary>
internal static class CartLines
{
    /// <summary>Refuses an empty cart, too many products, or a line (or the sum of a product's lines) outside the quantity limits.</summary>
    internal static ShopError? Check(IReadOnlyList<CartLine>? lines, OrderOptions limits)
    {
        if (lines is null || lines.Count == 0)
        {
            return new ShopError(ErrorCode.EmptyCart, "Your cart is empty.");
        }

        if (lines.Select(l => l.ProductId).Distinct().Count() > limits.MaxLines)
        {
            return new ShopError(ErrorCode.InvalidQuantity, $"An order can hold at most {limits.MaxLines} different products.");
        }

        // Each line on its own first: a negative line must not hide inside a merged total.
        var quantities = lines.Select(l => (l.ProductId, Quantity: (long)l.Quantity))
            .Concat(lines.GroupBy(l => l.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(l => (long)l.Quantity))));
        foreach (var (productId, quantity) in quantities)
        {
            if (quantity < 1 || quantity > limits.MaxQuantityPerLine)
            {
                return new ShopError(ErrorCode.InvalidQuantity,
                    $"The quantity of product {productId} must be between 1 and {limits.MaxQuantityPerLine}.")
                {
                    ProductId = productId,
                };
            }
        }

        return null;
    }

    /// <summary>The products of the lines, duplicate lines merged (a sum past any limit stays past it, never wraps).</summary>
    private static List<(int ProductId, int Quantity)> Merge(IReadOnlyList<CartLine> lines) =>
        lines.GroupBy(l => l.ProductId)
            .Select(g => (ProductId: g.Key, Quantity: (int)Math.Min(int.MaxValue, g.Sum(l => (long)l.Quantity))))
            .ToList();

    /// <summary>The merged lines with their products; a product no longer in the catalog is left out and named.</summary>
    internal static (List<(Product Product, int Quantity)> Lines, ShopError? Missing) Price(
        IReadOnlyList<CartLine> lines, IReadOnlyDictionary<int, Product> products)
    {
        var merged = Merge(lines);
        var missing = merged.Where(l => !products.ContainsKey(l.ProductId)).Select(l => (int?)l.ProductId).FirstOrDefault();
        var priced = merged.Where(l => products.ContainsKey(l.ProductId)).Select(l => (products[l.ProductId], l.Quantity)).ToList();
        return (priced, missing is { } missingId
            ? new ShopError(ErrorCode.ProductUnavailable, $"Product {missingId} is not in the catalog.") { ProductId = missingId }
            : null);
    }
}
