namespace ECommerce.Domain.Orders;

public sealed record OrderLineView(int ProductId, string ProductName, long UnitPrice, int Quantity, long LineTotal);

public sealed record OrderCouponView(int IssuedCouponId, string Code, string CampaignName, string Discount);

public sealed record OrderView(
    int Id, string ShopperId, OrderStatus Status, DateTime CreatedAt, DateTime ExpiresAt, DateTime? PaidAt, DateTime? ClosedAt,
    long Subtotal, long Discount, long Total, OrderCouponView? Coupon, IReadOnlyList<OrderLineView> Lines);

public sealed record OrderSummary(int Id, OrderStatus Status, DateTime CreatedAt, DateTime ExpiresAt, long Total, int Units);

public sealed record PaymentReceipt(int OrderId, long AmountPaid, long Balance, DateTime PaidAt, bool AlreadyPaid);

/// <summary>
/// What a cart would cost with a coupon, before any order is placed, and what stands in its way:
/// <see cref="Problem"/> is what placing it would be refused with.
/// </summary>
public sealed record CartQuote(IReadOnlyList<QuoteLine> Lines, long Subtotal, long Discount, long Total, ShopError? CouponProblem)
{
    public ShopError? Problem { get; init; }

    /// <summary>Each valid coupon the shopper holds, with how much the cart still lacks to use it.</summary>
    public IReadOnlyList<CouponFit> Coupons { get; init; } = [];

    public long Balance { get; init; }

    /// <summary>How much the balance lacks to pay <see cref="Total"/>; zero when it covers it.</summary>
    public long BalanceShortfall { get; init; }
}

/// <summary>A cart line priced now; <see cref="Shortage"/> units are missing from the shelf, and <see cref="ShortageSentence"/> says so.</summary>
public sealed record QuoteLine(
    int ProductId, string ProductName, long UnitPrice, int Quantity, long LineTotal, int Available, int Shortage, string? ShortageSentence);

/// <summary>A held coupon against a cart: <see cref="Shortfall"/> is what the order lacks to reach its minimum, null when it applies.</summary>
public sealed record CouponFit(int IssuedCouponId, long? Shortfall);
