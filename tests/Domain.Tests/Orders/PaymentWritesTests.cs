using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Orders;

/// <summary>
/// A payment batch writes its rows set-based (PaymentWrites), by hand rather than through EF's change tracker: each
/// changed row still only at the version it was read at, bumped once, as the tracker's tokens did.
/// </summary>
public sealed class PaymentWritesTests
{
    [Fact]
    public async Task A_batch_whose_wallet_changed_after_its_read_is_a_conflict_and_writes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000, stock: 5);
        await shop.ChargeAsync("ann", 5_000);
        var placed = await shop.PlaceAsync("ann", product.Id);
        await using var db = await shop.OpenDbAsync();
        var (writes, now) = await DecideAsync(shop, db, placed.Id);

        // Another writer (a charge) changes the wallet between the batch's read and its write.
        await shop.ChargeAsync("ann", 1_000);
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => WriteAsync(writes, db, now));
        }

        Assert.Equal(6_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(5, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.Equal(OrderStatus.AwaitingPayment, (await shop.QueryAsync(d => d.Orders.SingleAsync(o => o.Id == placed.Id))).Status);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_written_batch_bumps_each_changed_row_once_and_adds_to_the_hours_sales()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000, stock: 5);
        await shop.ChargeAsync("ann", 5_000);
        var placed = await shop.PlaceAsync("ann", product.Id, quantity: 2);
        await using var db = await shop.OpenDbAsync();
        var before = await shop.QueryAsync(async d => (
            Wallet: (await d.Wallets.SingleAsync(w => w.ShopperId == "ann")).Version,
            Product: (await d.Products.SingleAsync(p => p.Id == product.Id)).Version,
            Order: (await d.Orders.SingleAsync(o => o.Id == placed.Id)).Version));
        var (writes, now) = await DecideAsync(shop, db, placed.Id);

        // This hour's row is written meanwhile by another process's payment: the batch adds its units to it.
        await shop.QueryAsync(async d =>
        {
            d.ProductSalesHours.Add(new ProductSalesHour(product.Id, ProductSalesHour.HourOf(now)));
            await d.SaveChangesAsync();
            (await d.ProductSalesHours.SingleAsync()).Record(3);
            return await d.SaveChangesAsync();
        });
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await WriteAsync(writes, db, now);
            await transaction.CommitAsync();
        }

        var after = await shop.QueryAsync(async d => (
            Wallet: (await d.Wallets.SingleAsync(w => w.ShopperId == "ann")).Version,
            Product: (await d.Products.SingleAsync(p => p.Id == product.Id)).Version,
            Order: (await d.Orders.SingleAsync(o => o.Id == placed.Id)).Version));
        Assert.Equal((before.Wallet + 1, before.Product + 1, before.Order + 1), after);
        Assert.Equal(5L, await shop.QueryAsync(d => d.ProductSalesHours.Select(s => s.UnitsSold).SingleAsync()));
        Assert.Equal(3_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(3, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.Equal(1, await shop.QueryAsync(d => d.Outbox.CountAsync()));
    }

    /// <summary>The batch's statements sent together, as the payment batch sends them (one round trip on PostgreSQL).</summary>
    private static async Task WriteAsync(PaymentWrites writes, ShopDbContext db, DateTime now)
    {
        var statements = new StatementBatch(db);
        writes.Write(db, statements, now);
        await statements.ExecuteAsync();
    }

    /// <summary>What the payment batch decides for one order, read untracked as the batch reads it.</summary>
    private static async Task<(PaymentWrites Writes, DateTime Now)> DecideAsync(ShopHarness shop, ShopDbContext db, int orderId)
    {
        var now = shop.Clock.GetUtcNow().UtcDateTime;
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == orderId);
        var wallet = await db.Wallets.AsNoTracking().SingleAsync(w => w.ShopperId == order.ShopperId);
        var ids = order.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var paid = order.Pay(wallet, products, now);
        Assert.True(paid.IsSuccess, paid.ToString());
        var writes = new PaymentWrites();
        writes.Paid(order, wallet, paid.Value, products, OrderPaidMessage.For(order, traceParent: null));
        return (writes, now);
    }
}
