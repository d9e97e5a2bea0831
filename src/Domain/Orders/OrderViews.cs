namespace ECommerce.Domain.Orders;

public sealed record OrderLineView(int ProductId, string ProductName, long UnitPrice, int Quantity, long LineTotal);

public sealed record OrderCouponView(int IssuedCouponId, string Code, string CampaignName, string Discount);

public sealed record OrderView(
    int Id, string ShopperId, OrderStatus Status, DateTime CreatedAt, DateTime ExpiresAt, DateTime? PaidAt, DateTime? ClosedAt,
    long Subtotal, long Discount, long Total, OrderCouponView? Coupon, IReadOnlyList<OrderLineView> Lines);

public sealed record OrderSummary(int Id, OrderStatus Status, DateTime CreatedAt, DateTime ExpiresAt, long Total, int Units);

public sealed record PaymentReceipt(int OrderId, long AmountPaid, long Balance, DateTime PaidAt, bool AlreadyPaid);

/// <summary>What a cart would cost with a coupon, before any order is placed.</summary>
public sealed record CartQuote(IReadOnlyList<OrderLineView> Lines, long Subtotal, long Discount, long Total, ShopError? CouponProblem);
