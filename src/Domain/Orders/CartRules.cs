using ECommerce.Domain.Catalog;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Orders;

/// <summary>
/// What a cart may hold, asked by the storefront's cart before it stores a change: a signed-in shopper, the
/// stock on the shelf now, and the order limits of <see cref="OrderOptions"/>. The cart keeps its rows; the
/// rules stay here, beside the order that will be placed from it.
/// </summary>
public sealed class CartRules(ShopDatabase database, IOptions<OrderOptions> options)
{
    /// <summary>A cart belongs to a signed-in shopper: the same check as every use case's.</summary>
    public static ShopError? CheckShopper(string? shopperId) => InputChecks.Shopper(shopperId);

    /// <summary>
    /// Whether <paramref name="adding"/> more units of a product can go into a cart that holds
    /// <paramref name="inCart"/> of it and <paramref name="linesInCart"/> lines; the units it would then hold.
    /// </summary>
    public async Task<Result<int>> CheckCanAddAsync(string shopperId, int productId, int inCart, int adding, int linesInCart,
        CancellationToken ct = default)
    {
        if (CheckShopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        if (adding < 1)
        {
            return new ShopError(ErrorCode.InvalidQuantity, "Choose a quantity of at least 1.");
        }

        await using var db = await database.OpenAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return ShopError.NotFound("Product", productId);
        }

        var limits = options.Value;
        var wanted = (long)inCart + adding;
        if (wanted > int.MaxValue || product.ShortageOf((int)wanted) > 0)
        {
            // Caught here rather than at checkout: the shopper is still looking at the product.
            return new ShopError(ErrorCode.OutOfStock, product.Stock == 0
                ? $"\"{product.Name}\" is sold out."
                : $"Only {product.Stock} of \"{product.Name}\" left{(inCart > 0 ? $" and {inCart} already in your cart" : "")}.")
            {
                ProductId = productId,
                CurrentValue = product.Stock,
            };
        }

        if (wanted > limits.MaxQuantityPerLine)
        {
            return new ShopError(ErrorCode.InvalidQuantity,
                $"A cart can hold at most {limits.MaxQuantityPerLine} of \"{product.Name}\".") { ProductId = productId };
        }

        if (inCart == 0 && linesInCart >= limits.MaxLines)
        {
            return new ShopError(ErrorCode.InvalidQuantity, $"A cart can hold at most {limits.MaxLines} different products.");
        }

        return (int)wanted;
    }

    /// <summary>A line set to <paramref name="quantity"/> (zero or less removes it) stays within the per-line limit.</summary>
    public ShopError? CheckCanSetQuantity(string shopperId, int productId, int quantity) =>
        CheckShopper(shopperId)
        ?? (quantity > options.Value.MaxQuantityPerLine
            ? new ShopError(ErrorCode.InvalidQuantity, $"A cart can hold at most {options.Value.MaxQuantityPerLine} of one product.")
            {
                ProductId = productId,
            }
            : null);
}
