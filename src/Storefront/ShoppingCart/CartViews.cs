using ECommerce.Domain.Coupons;

namespace ECommerce.Storefront.ShoppingCart;

public sealed record CartLineView(int ProductId, string Name, string CategoryName, long UnitPrice, int Quantity, int Stock)
{
    public long LineTotal => UnitPrice * Quantity;
    public bool ShortOfStock => Quantity > Stock;
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
    public bool CanCheckOut => !IsEmpty && Problem is null;
    public bool Applies(MyCoupon coupon) => Subtotal >= coupon.MinOrderAmount;
}
