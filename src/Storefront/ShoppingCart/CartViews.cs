using ECommerce.Domain.Coupons;

namespace ECommerce.Storefront.ShoppingCart;

public sealed record CartLineView(int ProductId, string Name, string CategoryName, long UnitPrice, int Quantity, int Stock)
{
    public long LineTotal => UnitPrice * Quantity;

    /// <summary>The units the shelf lacks for this line, as the domain's quote found them.</summary>
    public int Shortage { get; init; }

    public bool ShortOfStock => Shortage > 0;
}

/// <summary>
/// A cart priced now: its lines with current prices and stock, the shopper's valid coupons, and the
/// chosen coupon's discount. <see cref="Problem"/> says why it cannot be ordered as it is (e.g. out of stock).
/// </summary>
public sealed record CartView(
    IReadOnlyList<CartLineView> Lines,
    long Subtotal,
    IReadOnlyList<MyCoupon> Coupons,
    int? CouponId,
    long Discount,
    long Total,
    ShopError? Problem,
    ShopError? CouponProblem)
{
    public static readonly CartView Empty = new([], 0, [], null, 0, 0, null, null);

    public bool IsEmpty => Lines.Count == 0;
    public int Units => Lines.Sum(l => l.Quantity);
    /// <summary>What each held coupon lacks to apply to this cart (by coupon id); a coupon not listed applies.</summary>
    public IReadOnlyDictionary<int, long> CouponShortfalls { get; init; } = new Dictionary<int, long>();

    public long Balance { get; init; }

    /// <summary>How much the balance lacks to pay <see cref="Total"/>, as the domain's quote found it.</summary>
    public long BalanceShortfall { get; init; }

    public bool CanCheckOut => !IsEmpty && Problem is null;
    public bool Applies(MyCoupon coupon) => ShortfallOf(coupon) is null;
    public long? ShortfallOf(MyCoupon coupon) => CouponShortfalls.TryGetValue(coupon.Id, out var shortfall) ? shortfall : null;
}
