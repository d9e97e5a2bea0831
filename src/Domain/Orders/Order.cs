using ECommerce.Domain.Coupons;

namespace ECommerce.Domain.Orders;

/// <summary>
/// A shopper's order: placed awaiting payment with frozen prices, then paid, cancelled or expired.
/// <see cref="Version"/> makes two payments (or a payment and a cancel) of the same order collide.
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines = [];

    private Order()
    {
        ShopperId = "";
        RequestId = "";
    }

    internal Order(string shopperId, string requestId, DateTime createdAt, DateTime expiresAt)
    {
        ShopperId = shopperId;
        RequestId = requestId;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        Status = OrderStatus.AwaitingPayment;
    }

    public int Id { get; private set; }
    public string ShopperId { get; private set; }

    /// <summary>The idempotency key of the request that placed the order: the same request places it once.</summary>
    public string RequestId { get; private set; }

    public OrderStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? PaidAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public long Subtotal { get; private set; }
    public long Discount { get; private set; }
    public long Total { get; private set; }
    public int? IssuedCouponId { get; private set; }
    public IssuedCoupon? IssuedCoupon { get; private set; }
    public long Version { get; private set; }
    public IReadOnlyList<OrderLine> Lines => _lines;

    internal void AddLine(int productId, string productName, long unitPrice, int quantity)
    {
        _lines.Add(new OrderLine(productId, productName, unitPrice, quantity));
        Subtotal = _lines.Sum(l => l.LineTotal);
        Total = Subtotal - Discount;
    }

    internal void ApplyCoupon(IssuedCoupon coupon, long discount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(discount, Subtotal);
        IssuedCoupon = coupon;
        IssuedCouponId = coupon.Id;
        Discount = discount;
        Total = Subtotal - discount;
        coupon.Reserve(this);
    }

    internal void MarkPaid(DateTime at)
    {
        EnsureAwaitingPayment();
        Status = OrderStatus.Paid;
        PaidAt = at;
        IssuedCoupon?.MarkUsed(at);
    }

    internal void Cancel(DateTime at) => Close(OrderStatus.Cancelled, at);

    internal void Expire(DateTime at) => Close(OrderStatus.Expired, at);

    private void Close(OrderStatus status, DateTime at)
    {
        EnsureAwaitingPayment();
        Status = status;
        ClosedAt = at;
        IssuedCoupon?.Release();
    }

    private void EnsureAwaitingPayment()
    {
        if (Status != OrderStatus.AwaitingPayment)
        {
            throw new InvalidOperationException($"Order {Id} is {Status}, not awaiting payment.");
        }
    }
}
