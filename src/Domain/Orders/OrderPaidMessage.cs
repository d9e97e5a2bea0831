using System.Text.Json;
using ECommerce.Domain.DataPlatform;

namespace ECommerce.Domain.Orders;

/// <summary>What the data platform receives for a paid order.</summary>
internal sealed record OrderPaidMessage(
    int OrderId, string ShopperId, DateTime PaidAt, long Subtotal, long Discount, long Total, string? CouponCode,
    IReadOnlyList<OrderPaidMessage.Line> Lines)
{
    internal sealed record Line(int ProductId, string ProductName, long UnitPrice, int Quantity);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string IdempotencyKeyFor(int orderId) => KeyPrefix + orderId;

    internal const string KeyPrefix = "order-paid-";

    public static OutboxMessage For(Order order, string? traceParent)
    {
        var message = new OrderPaidMessage(order.Id, order.ShopperId, order.PaidAt!.Value, order.Subtotal, order.Discount,
            order.Total, order.IssuedCoupon?.Campaign?.Code,
            order.Lines.Select(l => new Line(l.ProductId, l.ProductName, l.UnitPrice, l.Quantity)).ToList());
        return new OutboxMessage(OutboxMessage.OrderPaidType, IdempotencyKeyFor(order.Id),
            JsonSerializer.Serialize(message, Json), order.PaidAt.Value, traceParent);
    }
}
