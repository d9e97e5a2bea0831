using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Catalog;

/// <summary>
/// Which products sold the most units in paid orders over the last 72 hours, counted by the hour (the
/// current hour and the 71 before it). Summing the hourly rows of every product is the expensive part, so
/// the answer is kept and recomputed in the background once it is older than
/// <see cref="CatalogOptions.TopSellersRefresh"/>; callers never wait for a refresh except the very first, and the
/// callers that arrive together before there is any ranking wait for one computation, not one each.
/// </summary>
public sealed class TopSellerRanking(
    ShopDatabase database,
    IOptions<CatalogOptions> options,
    TimeProvider clock,
    ILogger<TopSellerRanking> logger)
{
    public const int Size = 5;
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);

    private readonly Lock _firstLock = new();
    private Snapshot? _current;
    private Task<IReadOnlyList<(int ProductId, long Units)>>? _first;
    private int _refreshing;

    public async Task<IReadOnlyList<(int ProductId, long Units)>> GetAsync(CancellationToken ct = default)
    {
        var current = Volatile.Read(ref _current);
        var refresh = options.Value.TopSellersRefresh;
        if (refresh <= TimeSpan.Zero)
        {
            return await ComputeAsync(ct);
        }

        if (current is null)
        {
            return await FirstAsync().WaitAsync(ct);
        }

        if (clock.GetUtcNow() - current.At >= refresh && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
        }

        return current.Ranking;
    }

    /// <summary>
    /// The first computation, shared by everyone waiting for it. It runs to the end whoever stops waiting, since the
    /// others still need it; a failed one is started again by the next caller.
    /// </summary>
    private Task<IReadOnlyList<(int ProductId, long Units)>> FirstAsync()
    {
        lock (_firstLock)
        {
            if (_first is null || _first.IsFaulted || _first.IsCanceled)
            {
                _first = Task.Run(() => ComputeAsync(CancellationToken.None));
            }

            return _first;
        }
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
