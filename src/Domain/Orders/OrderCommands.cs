namespace ECommerce.Domain.Orders;

public sealed record CartLine(int ProductId, int Quantity);

/// <summary>
/// An order as the shopper submits it. <paramref name="RequestId"/> is made once per checkout page: submitting
/// the same request twice places one order.
/// </summary>
public sealed record PlaceOrder(IReadOnlyList<CartLine> Lines, int? IssuedCouponId, string RequestId);
