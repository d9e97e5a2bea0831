using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.Orders;
using ECommerce.Storefront.Persistence;

namespace ECommerce.Storefront.ShoppingCart;

/// <summary>
/// A signed-in shopper's cart, kept in the storefront's tables (see docs/cart.md) and priced by the domain.
/// Every change returns the cart as it now is, so a page renders one result per action.
/// </summary>
public sealed class CartService(
    IDbContextFactory<StorefrontDbContext> contexts,
    CatalogService catalog,
    CouponService coupons,
    OrderService orders,
    CartRules rules,
    TimeProvider clock)
{
    /// <summary>Puts <paramref name="quantity"/> more of a product in the cart; returns the units now in the cart.</summary>
    public async Task<Result<int>> AddAsync(string shopperId, int productId, int quantity, CancellationToken ct = default)
    {
        if (CartRules.CheckShopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var item = await db.CartItems.FindAsync([shopperId, productId], ct);
        var lines = item is null ? await db.CartItems.CountAsync(i => i.ShopperId == shopperId, ct) : 0;
        var wanted = await rules.CheckCanAddAsync(shopperId, productId, item?.Quantity ?? 0, quantity, lines, ct);
        if (!wanted.IsSuccess)
        {
            return wanted.Error;
        }

        if (item is null)
        {
            db.CartItems.Add(new CartItem(shopperId, productId, wanted.Value, clock.GetUtcNow().UtcDateTime));
        }
        else
        {
            item.ChangeQuantity(wanted.Value);
        }

        if (await TrySaveAsync(db, ct) is { } busy)
        {
            return busy;
        }

        return await db.CartItems.Where(i => i.ShopperId == shopperId).SumAsync(i => i.Quantity, ct);
    }

    public async Task<int> CountUnitsAsync(string shopperId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.CartItems.Where(i => i.ShopperId == shopperId).SumAsync(i => i.Quantity, ct);
    }

    /// <summary>The cart priced now, with <paramref name="couponId"/> applied when it is one of the shopper's valid coupons.</summary>
    public async Task<CartView> GetAsync(string shopperId, int? couponId = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var items = await db.CartItems.Where(i => i.ShopperId == shopperId).OrderBy(i => i.AddedAt).ToListAsync(ct);
        if (items.Count == 0)
        {
            return CartView.Empty;
        }

        var products = (await catalog.GetProductsAsync(items.Select(i => i.ProductId).ToList(), ct)).ToDictionary(p => p.Id);
        var lines = new List<CartLineView>();
        foreach (var item in items)
        {
            // A product no longer in the catalog simply drops out of the cart.
            if (products.TryGetValue(item.ProductId, out var p))
            {
                lines.Add(new CartLineView(p.Id, p.Name, p.CategoryName, p.Price, item.Quantity, p.Stock));
            }
        }

        var held = (await coupons.GetMyCouponsAsync(shopperId, ct)).Where(c => c.State == CouponState.Valid).ToList();
        var chosen = held.Any(c => c.Id == couponId) ? couponId : null;
        var reviewed = await orders.ReviewCartAsync(shopperId, lines.Select(l => new CartLine(l.ProductId, l.Quantity)).ToList(), chosen, ct);
        if (!reviewed.IsSuccess)
        {
            var subtotal = lines.Sum(l => l.LineTotal);
            return new CartView(lines, subtotal, held, chosen, 0, subtotal, reviewed.Error, null);
        }

        // What the domain decided about each line, coupon and the balance; the cart restates none of it.
        var review = reviewed.Value;
        var shortages = review.Lines.ToDictionary(l => l.ProductId, l => l.Shortage);
        lines = lines.Select(l => l with { Shortage = shortages.GetValueOrDefault(l.ProductId) }).ToList();
        var facts = new CartView(lines, review.Subtotal, held, chosen, review.Discount, review.Total, null, review.CouponProblem)
        {
            CouponShortfalls = review.Coupons.Where(c => c.Shortfall is not null).ToDictionary(c => c.IssuedCouponId, c => c.Shortfall!.Value),
            Balance = review.Balance,
            BalanceShortfall = review.BalanceShortfall,
        };
        return review.Problem is { } problem
            ? facts with { Discount = 0, Total = review.Subtotal, Problem = problem, CouponProblem = null }
            : facts;
    }

    /// <summary>Sets a line's quantity; zero or less removes it.</summary>
    public async Task<Result<CartView>> SetQuantityAsync(string shopperId, int productId, int quantity, int? couponId = null,
        CancellationToken ct = default)
    {
        if (rules.CheckCanSetQuantity(shopperId, productId, quantity) is { } refused)
        {
            return refused;
        }

        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var item = await db.CartItems.FindAsync([shopperId, productId], ct);
            if (item is not null)
            {
                if (quantity <= 0)
                {
                    db.CartItems.Remove(item);
                }
                else
                {
                    item.ChangeQuantity(quantity);
                }

                if (await TrySaveAsync(db, ct) is { } busy)
                {
                    return busy;
                }
            }
        }

        return await GetAsync(shopperId, couponId, ct);
    }

    public Task<Result<CartView>> RemoveAsync(string shopperId, int productId, int? couponId = null, CancellationToken ct = default) =>
        SetQuantityAsync(shopperId, productId, 0, couponId, ct);

    /// <summary>
    /// Places an order (awaiting payment) for everything in the cart, with an optional coupon, and takes the
    /// ordered products out of the cart. The same <paramref name="requestId"/> places one order.
    /// </summary>
    public async Task<Result<OrderView>> PlaceOrderAsync(string shopperId, int? couponId, string requestId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var items = await db.CartItems.Where(i => i.ShopperId == shopperId).ToListAsync(ct);
        var placed = await orders.PlaceAsync(shopperId,
            new PlaceOrder(items.Select(i => new CartLine(i.ProductId, i.Quantity)).ToList(), couponId, requestId), ct);
        if (placed.IsSuccess)
        {
            // A set-based delete: a second submit of the same request may have emptied the cart already.
            var ordered = placed.Value.Lines.Select(l => l.ProductId).ToList();
            await db.CartItems.Where(i => i.ShopperId == shopperId && ordered.Contains(i.ProductId)).ExecuteDeleteAsync(ct);
        }

        return placed;
    }

    /// <summary>Two tabs changing the same line at once: the loser changes nothing and is asked to try again.</summary>
    private static async Task<ShopError?> TrySaveAsync(StorefrontDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            return ShopError.Busy;
        }
    }
}
