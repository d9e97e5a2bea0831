using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Catalog;

/// <summary>
/// Which products sold the most units in paid orders over the last 72 hours, counted by the hour (the
/// current hour and the 71 before it). Summing the hourly rows of every product is the expensive part, so
/// the answer is kept and recomputed in the background once it is older than
/// <see cref="CatalogOptions.TopSellersRefresh"/>; callers never wait for a refresh except the very first.
/// </summary>
public sealed class TopSellerRanking(
    ShopDatabase database,
    IOptions<CatalogOptions> options,
    TimeProvider clock,
    ILogger<TopSellerRanking> logger)
{
    public const int Size = 5;
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);

    private Snapshot? _current;
    private int _refreshing;

    public async Task<IReadOnlyList<(int ProductId, long Units)>> GetAsync(CancellationToken ct = default)
    {
        var current = Volatile.Read(ref _current);
        var refresh = options.Value.TopSellersRefresh;
        if (current is null || refresh <= TimeSpan.Zero)
        {
            return await ComputeAsync(ct);
        }

        if (clock.GetUtcNow() - current.At >= refresh && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
        }

        return current.Ranking;
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await ComputeAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Recomputing the best sellers failed; the previous ranking stays in use");
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private async Task<IReadOnlyList<(int ProductId, long Units)>> ComputeAsync(CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var since = ProductSalesHour.HourOf(at.UtcDateTime) - Window + TimeSpan.FromHours(1);
        await using var db = await database.OpenAsync(ct);
        var rows = await db.ProductSalesHours
            .Where(s => s.HourStart >= since)
            .GroupBy(s => s.ProductId)
            .Select(g => new { ProductId = g.Key, Units = g.Sum(s => s.UnitsSold) })
            .OrderByDescending(r => r.Units)
            .ThenBy(r => r.ProductId)
            .Take(Size)
            .ToListAsync(ct);
        var ranking = rows.Select(r => (r.ProductId, r.Units)).ToList();
        Volatile.Write(ref _current, new Snapshot(ranking, at));
        return ranking;
    }

    private sealed record Snapshot(IReadOnlyList<(int ProductId, long Units)> Ranking, DateTimeOffset At);
}
