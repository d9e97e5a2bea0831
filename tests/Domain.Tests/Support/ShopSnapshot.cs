namespace ECommerce.Domain.Tests.Support;

/// <summary>
/// Everything a use case can change, read straight from the database: take one before a refused call and
/// one after, and they must be equal. Versions are included, so even a write of the same values shows.
/// </summary>
internal sealed record ShopSnapshot(
    string Wallets, int LedgerEntries, string Products, int StockAdjustments, string Sales,
    string Campaigns, string Coupons, string Orders, int Payments, int OutboxMessages)
{
    public static async Task<ShopSnapshot> TakeAsync(ShopHarness shop)
    {
        await using var db = await shop.OpenDbAsync();
        var wallets = await db.Wallets.OrderBy(w => w.ShopperId).Select(w => $"{w.ShopperId}={w.Balance}@{w.Version}").ToListAsync();
        var products = await db.Products.OrderBy(p => p.Id).Select(p => $"{p.Id}={p.Stock}@{p.Version}").ToListAsync();
        var sales = await db.ProductSalesHours.OrderBy(s => s.ProductId).ThenBy(s => s.HourStart)
            .Select(s => $"{s.ProductId}/{s.HourStart:O}={s.UnitsSold}").ToListAsync();
        var campaigns = await db.CouponCampaigns.OrderBy(c => c.Id).Select(c => $"{c.Id}={c.IssuedCount}@{c.Version}").ToListAsync();
        var coupons = await db.IssuedCoupons.OrderBy(c => c.Id)
            .Select(c => $"{c.Id}:{c.ShopperId}:order={c.OrderId}:used={c.UsedAt}@{c.Version}").ToListAsync();
        var orders = await db.Orders.OrderBy(o => o.Id).Select(o => $"{o.Id}={o.Status}@{o.Version}").ToListAsync();
        return new ShopSnapshot(
            string.Join(", ", wallets), await db.WalletLedger.CountAsync(),
            string.Join(", ", products), await db.StockAdjustments.CountAsync(), string.Join(", ", sales),
            string.Join(", ", campaigns), string.Join(", ", coupons), string.Join(", ", orders),
            await db.Payments.CountAsync(), await db.Outbox.CountAsync());
    }
}
