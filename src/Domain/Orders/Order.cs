using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.Wallets;

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

    /// <summary>Null when <paramref name="shopperId"/> may see and act on the order; it was read by <paramref name="orderId"/>.</summary>
    public static ShopError? CheckOwner(Order? order, int orderId, string shopperId) =>
        order is null ? ShopError.NotFound("Order", orderId)
        : order.ShopperId != shopperId ? ShopError.NotYours("Order", orderId)
        : null;

    /// <summary>Payable while it awaits payment and its payment window is open.</summary>
    public ShopError? CheckPayable(DateTime now) =>
        CheckAwaitingPayment()
        ?? (now >= ExpiresAt
            ? new ShopError(ErrorCode.OrderExpired,
                $"The payment window of order {Id} closed at {ShopTime.Clock(ExpiresAt)}; place the order again.")
            : null);

    /// <summary>Only an order awaiting payment can be cancelled (or expire).</summary>
    public ShopError? CheckAwaitingPayment() => Status == OrderStatus.AwaitingPayment ? null
        : new ShopError(ErrorCode.OrderNotAwaitingPayment, $"Order {Id} is {Status switch
        {
            OrderStatus.Paid => "already paid",
            OrderStatus.Cancelled => "cancelled",
            _ => "expired",
        }}.");

    /// <summary>The id the database gave the order when a placement batch inserted it without tracking it.</summary>
    internal void Stored(int id) => Id = id;

    internal void AddLine(int productId, string productName, long unitPrice, int quantity)
    {
        _lines.Add(new OrderLine(productId, productName, unitPrice, quantity));
        Subtotal = _lines.Sum(l => l.LineTotal);
        Total = Subtotal - Discount;
    }

    /// <summary>The coupon is held for this order until its payment window closes. Its usability is the caller's check (<see cref="IssuedCoupon.CheckUsableBy"/>).</summary>
    internal void ApplyCoupon(IssuedCoupon coupon, long discount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(discount, Subtotal);
        IssuedCoupon = coupon;
        IssuedCouponId = coupon.Id;
        Discount = discount;
        Total = Subtotal - discount;
        coupon.Reserve(Id, ExpiresAt);
    }

    /// <summary>
    /// Pays the order from <paramref name="wallet"/>, taking its units from <paramref name="products"/> and using
    /// its coupon. Every refusal comes before any change, in the order the shopper should hear it: no longer
    /// payable, out of stock, not enough balance; a refusal changes nothing.
    /// </summary>
    internal Result<PaidOrder> Pay(Wallet wallet, IReadOnlyDictionary<int, Product> products, DateTime now)
    {
        if ((CheckPayable(now)
             ?? Product.CheckCanSell(Lines.Select(l => (products[l.ProductId], l.Quantity)))
             ?? wallet.CheckCanPay(Total)) is { } refusal)
        {
            return refusal;
        }

        foreach (var line in Lines)
        {
            products[line.ProductId].Sell(line.Quantity);
        }

        var debit = wallet.Pay(Total, Id, now);
        Status = OrderStatus.Paid;
        PaidAt = now;
        IssuedCoupon?.MarkUsed(now);
        return new PaidOrder(new Payment(this, Total, now), debit);
    }

    internal void Cancel(DateTime at) => Close(OrderStatus.Cancelled, at);

    internal void Expire(DateTime at) => Close(OrderStatus.Expired, at);

    private void Close(OrderStatus status, DateTime at)
    {
        if (CheckAwaitingPayment() is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }

        Status = status;
        ClosedAt = at;
        IssuedCoupon?.Release(Id);
    }
}
