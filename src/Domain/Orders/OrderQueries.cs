namespace ECommerce.Domain.Orders;

/// <summary>The read side of orders: a shopper's own orders, and the shapes the admin's order pages borrow.</summary>
public sealed class OrderQueries(ShopDatabase database)
{
    /// <summary>Newest first.</summary>
    public async Task<Page<OrderSummary>> GetMyOrdersAsync(string shopperId, int page = 1, int pageSize = 20,
        CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        return await db.Orders
            .Where(o => o.ShopperId == shopperId)
            .OrderByDescending(o => o.Id)
            .Select(o => new OrderSummary(o.Id, o.Status, o.CreatedAt, o.ExpiresAt, o.Total, o.Lines.Sum(l => l.Quantity)))
            .ToPageAsync(page, pageSize, ct);
    }

    public async Task<Result<OrderView>> GetMyOrderAsync(string shopperId, int orderId, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        var order = await LoadOrderAsync(db.Orders.AsNoTracking(), orderId, ct);
        return Order.CheckOwner(order, orderId, shopperId) ?? Result<OrderView>.Success(ToView(order!));
    }

    internal static Task<Order?> LoadOrderAsync(IQueryable<Order> orders, int orderId, CancellationToken ct) =>
        WithLinesAndCoupon(orders).FirstOrDefaultAsync(o => o.Id == orderId, ct);

    internal static IQueryable<Order> WithLinesAndCoupon(IQueryable<Order> orders) =>
        orders.Include(o => o.Lines).Include(o => o.IssuedCoupon).ThenInclude(c => c!.Campaign);

    internal static OrderView ToView(Order o) => new(
        o.Id, o.ShopperId, o.Status, o.CreatedAt, o.ExpiresAt, o.PaidAt, o.ClosedAt, o.Subtotal, o.Discount, o.Total,
        o.IssuedCoupon is { Campaign: { } campaign } coupon
            ? new OrderCouponView(coupon.Id, campaign.Code, campaign.Name, campaign.DiscountDescription)
            : null,
        o.Lines.Select(l => new OrderLineView(l.ProductId, l.ProductName, l.UnitPrice, l.Quantity, l.LineTotal)).ToList());
}
