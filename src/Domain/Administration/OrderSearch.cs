using ECommerce.Domain.Orders;

namespace ECommerce.Domain.Administration;

/// <summary>Every shopper's orders, as admins look them up: filtered, sorted and paged in the database.</summary>
public sealed class OrderSearch(ShopDatabase database)
{
    public async Task<Result<Page<AdminOrderRow>>> SearchAsync(AdminOrderQuery query, CancellationToken ct = default)
    {
        if (query.From >= query.To)
        {
            return ShopError.Invalid("The date range ends before it starts.");
        }

        await using var db = await database.OpenAsync(ct);
        var orders = db.Orders.AsQueryable();
        if (query.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (query.From is { } from)
        {
            orders = orders.Where(o => o.CreatedAt >= from);
        }

        if (query.To is { } to)
        {
            orders = orders.Where(o => o.CreatedAt < to);
        }

        if (!string.IsNullOrEmpty(query.ShopperId))
        {
            orders = orders.Where(o => o.ShopperId == query.ShopperId);
        }

        orders = query.Sort switch
        {
            AdminOrderSort.OldestFirst => orders.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id),
            AdminOrderSort.HighestTotal => orders.OrderByDescending(o => o.Total).ThenByDescending(o => o.Id),
            AdminOrderSort.LowestTotal => orders.OrderBy(o => o.Total).ThenBy(o => o.Id),
            _ => orders.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id),
        };

        // The page's ids first, then only their rows: the line and coupon lookups never run for rows off the page.
        var ids = await orders.Select(o => o.Id).ToPageAsync(query.Page, query.PageSize, ct);
        var rows = await db.Orders
            .Where(o => ids.Items.Contains(o.Id))
            .Select(o => new AdminOrderRow(o.Id, o.ShopperId, o.Status, o.CreatedAt, o.Lines.Sum(l => l.Quantity), o.Total,
                o.IssuedCoupon == null ? null : o.IssuedCoupon.Campaign!.Code))
            .ToDictionaryAsync(r => r.Id, ct);
        return new Page<AdminOrderRow>(ids.Items.Select(id => rows[id]).ToList(), ids.PageNumber, ids.PageSize, ids.TotalCount);
    }

    public async Task<Result<AdminOrderDetail>> GetAsync(int orderId, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        var order = await OrderQueries.LoadOrderAsync(db.Orders.AsNoTracking(), orderId, ct);
        if (order is null)
        {
            return ShopError.NotFound("Order", orderId);
        }

        var payment = await db.Payments
            .Where(p => p.OrderId == orderId)
            .Select(p => new OrderPaymentView(p.Id, p.Amount, p.PaidAt))
            .FirstOrDefaultAsync(ct);
        var key = OrderPaidMessage.IdempotencyKeyFor(orderId);
        var delivery = await db.Outbox
            .Where(m => m.IdempotencyKey == key)
            .Select(m => new OrderDeliveryView(m.Id, m.State, m.Attempts, m.NextAttemptAt, m.DeliveredAt, m.LastError))
            .FirstOrDefaultAsync(ct);
        return new AdminOrderDetail(OrderQueries.ToView(order), payment, delivery);
    }
}
