using ECommerce.Domain.Catalog;
using ECommerce.Domain.Orders;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Administration;

/// <summary>The figures on the admin's first page. Each is one indexed query; none reads every order.</summary>
public sealed class SalesDashboard(
    ShopDatabase database,
    CatalogService catalog,
    IOptions<CatalogOptions> options,
    TimeProvider clock)
{
    /// <summary>How many of the products running out the dashboard lists; the stock page lists them all.</summary>
    public const int LowStockListSize = 10;

    public async Task<DashboardView> GetAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = now.Date;
        var threshold = options.Value.LowStockThreshold;
        await using var db = await database.OpenAsync(ct);

        // Payments carry the amount actually paid (after the discount) and are indexed by the moment of payment.
        var today = await db.Payments
            .Where(p => p.PaidAt >= day && p.PaidAt < day.AddDays(1))
            .GroupBy(_ => 1)
            .Select(g => new { Revenue = g.Sum(p => p.Amount), Orders = g.Count() })
            .FirstOrDefaultAsync(ct);
        var awaiting = await db.Orders.CountAsync(o => o.Status == OrderStatus.AwaitingPayment && o.ExpiresAt > now, ct);
        var lowStock = db.Products.Where(p => p.Stock <= threshold);
        var lowStockCount = await lowStock.CountAsync(ct);
        var lowStockList = await lowStock
            .OrderBy(p => p.Stock).ThenBy(p => p.Id)
            .Take(LowStockListSize)
            .Select(p => new LowStockProduct(p.Id, p.Name, p.Stock))
            .ToListAsync(ct);
        var topSellers = await catalog.GetTopSellersAsync(ct);

        return new DashboardView(day, today?.Revenue ?? 0, today?.Orders ?? 0, awaiting, topSellers, threshold, lowStockCount,
            lowStockList);
    }
}
