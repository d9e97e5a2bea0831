using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;

namespace ECommerce.Domain.Diagnostics;

/// <summary>
/// The invariants of SPEC.md, checked against what the database holds. Returns one sentence per broken
/// invariant; an empty list means all hold. Used by the tests after every race and by the benchmark.
/// </summary>
internal static class ShopInvariants
{
    internal static async Task<IReadOnlyList<string>> CheckAsync(ShopDbContext db, CancellationToken ct = default)
    {
        var broken = new List<string>();
        await CheckStockAsync(db, broken, ct);
        await CheckCouponsAsync(db, broken, ct);
        await CheckWalletsAsync(db, broken, ct);
        await CheckPaidOrdersAsync(db, broken, ct);
        return broken;
    }

    private static async Task CheckStockAsync(ShopDbContext db, List<string> broken, CancellationToken ct)
    {
        var paid = db.OrderLines.Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.Status == OrderStatus.Paid));
        var rows = await db.Products
            .Select(p => new
            {
                p.Id,
                p.Stock,
                Added = db.StockAdjustments.Where(a => a.ProductId == p.Id).Sum(a => (long)a.Delta),
                Sold = paid.Where(l => l.ProductId == p.Id).Sum(l => (long)l.Quantity),
                Counted = db.ProductSalesHours.Where(s => s.ProductId == p.Id).Sum(s => s.UnitsSold),
            })
            .Where(p => p.Stock < 0 || p.Stock != p.Added - p.Sold || p.Counted != p.Sold)
            .Take(10)
            .ToListAsync(ct);
        broken.AddRange(rows.Select(p =>
            $"Product {p.Id}: stock {p.Stock}, adjustments {p.Added}, sold in paid orders {p.Sold}, sales statistics {p.Counted}."));
    }

    private static async Task CheckCouponsAsync(ShopDbContext db, List<string> broken, CancellationToken ct)
    {
        var campaigns = await db.CouponCampaigns
            .Select(c => new { c.Id, c.IssuedCount, c.TotalQuantity, Issued = db.IssuedCoupons.Count(i => i.CampaignId == c.Id) })
            .Where(c => c.IssuedCount > c.TotalQuantity || c.Issued != c.IssuedCount)
            .Take(10)
            .ToListAsync(ct);
        broken.AddRange(campaigns.Select(c =>
            $"Campaign {c.Id}: {c.Issued} coupons issued, counter {c.IssuedCount}, quantity {c.TotalQuantity}."));

        var doubleHeld = await db.IssuedCoupons
            .GroupBy(i => new { i.CampaignId, i.ShopperId })
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .Take(10)
            .ToListAsync(ct);
        broken.AddRange(doubleHeld.Select(k => $"Shopper {k.ShopperId} holds several coupons of campaign {k.CampaignId}."));

        var reused = await db.Orders
            .Where(o => o.Status == OrderStatus.Paid && o.IssuedCouponId != null)
            .GroupBy(o => o.IssuedCouponId)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .Take(10)
            .ToListAsync(ct);
        broken.AddRange(reused.Select(id => $"Coupon {id} was used by several paid orders."));

        var mismatched = await db.IssuedCoupons
            .Where(c => (c.UsedAt != null) != db.Orders.Any(o => o.IssuedCouponId == c.Id && o.Status == OrderStatus.Paid))
            .Select(c => c.Id)
            .Take(10)
            .ToListAsync(ct);
        broken.AddRange(mismatched.Select(id => $"Coupon {id}: marked used and paid-for disagree."));
    }

    private static async Task CheckWalletsAsync(ShopDbContext db, List<string> broken, CancellationToken ct)
    {
        var wallets = await db.Wallets
            .Select(w => new { w.ShopperId, w.Balance, Ledger = db.WalletLedger.Where(e => e.ShopperId == w.ShopperId).Sum(e => e.Amount) })
            .Where(w => w.Balance < 0 || w.Balance != w.Ledger)
            .Take(10)
            .ToListAsync(ct);
        broken.AddRange(wallets.Select(w => $"Wallet {w.ShopperId}: balance {w.Balance}, ledger sum {w.Ledger}."));
    }

    private static async Task CheckPaidOrdersAsync(ShopDbContext db, List<string> broken, CancellationToken ct)
    {
        var orders = await db.Orders
            .Where(o => o.Status == OrderStatus.Paid)
            .Select(o => new
            {
                o.Id,
                o.Total,
                Payments = db.Payments.Count(p => p.OrderId == o.Id),
                Debited = db.WalletLedger.Where(e => e.OrderId == o.Id && e.Kind == LedgerEntryKind.Payment).Sum(e => -e.Amount),
                Queued = db.Outbox.Any(m => m.Type == OutboxMessage.OrderPaidType && m.IdempotencyKey == OrderPaidMessage.KeyPrefix + o.Id),
            })
            .Where(o => o.Payments != 1 || o.Debited != o.Total || !o.Queued)
            .Take(10)
            .ToListAsync(ct);
        broken.AddRange(orders.Select(o =>
            $"Paid order {o.Id}: {o.Payments} payments, debited {o.Debited} of {o.Total}, outbox message {(o.Queued ? "present" : "missing")}."));

        var unpaidDebits = await db.WalletLedger
            .Where(e => e.Kind == LedgerEntryKind.Payment && !db.Orders.Any(o => o.Id == e.OrderId && o.Status == OrderStatus.Paid))
            .Select(e => e.Id)
            .Take(10)
            .ToListAsync(ct);
        broken.AddRange(unpaidDebits.Select(id => $"Ledger entry {id} debits an order that is not paid."));
    }
}
