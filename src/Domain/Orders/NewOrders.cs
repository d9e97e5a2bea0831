using ECommerce.Domain.Persistence;

namespace ECommerce.Domain.Orders;

/// <summary>
/// A placement batch's new orders without a coupon, written set-based: one INSERT … RETURNING for the orders, one
/// for all their lines, instead of EF's statement per row, its tracking and its second change scan when the kept
/// answers follow. An order holding a coupon is still saved through the context (the coupon takes its id in the
/// same save). A request placed twice by racing writers meets the unique (shopper, request) index: a conflict, and
/// the rerun finds the first order.
/// </summary>
internal static class NewOrders
{
    public static async Task InsertAsync(ShopDbContext db, IReadOnlyList<Order> orders)
    {
        if (orders.Count == 0)
        {
            return;
        }

        // RETURNING promises no order: each id is matched by its (shopper, request), unique among orders.
        var placed = orders.ToDictionary(o => (o.ShopperId, o.RequestId));
        await SetBasedWrites.Insert("Orders", ["ShopperId", "RequestId", "Status", "CreatedAt", "ExpiresAt", "Subtotal", "Discount", "Total", "Version"],
                orders.Select(o => new object[] { o.ShopperId, o.RequestId, o.Status.ToString(), o.CreatedAt, o.ExpiresAt, o.Subtotal, o.Discount, o.Total, o.Version }),
                """ RETURNING "Id", "ShopperId", "RequestId" """)!
            .ExecuteAsync(db, row => placed[(row.GetString(1), row.GetString(2))].Stored(row.GetInt32(0)));
        await SetBasedWrites.Insert("OrderLines", ["OrderId", "ProductId", "ProductName", "UnitPrice", "Quantity"],
                orders.SelectMany(o => o.Lines.Select(l => new object[] { o.Id, l.ProductId, l.ProductName, l.UnitPrice, l.Quantity })))!
            .ExecuteAsync(db);

        // Written by hand, so not seen by the context's save: noted for the open pages here.
        if (db.Changes is { } changes)
        {
            changes.Orders = true;
        }
    }
}
