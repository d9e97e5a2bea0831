using System.Diagnostics;
using System.Threading.Channels;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Live;

/// <summary>
/// The figures open pages show live, one hub per instance. Changes (<see cref="ChangeFeed"/>) only mark keys dirty;
/// at most once per <see cref="LiveOptions.FlushInterval"/> the hub reads the new figures of every dirty key with
/// one query per kind (stock, coupons left) and hands the same <see cref="FigureUpdate"/> to every subscriber. So
/// a stampede of sales costs a few reads a second whatever the number of open pages, and each page re-renders at
/// most once per flush. See docs/live-figures.md.
/// </summary>
public sealed class LiveFigures(
    ChangeFeed feed,
    ShopDatabase database,
    IOptions<LiveOptions> options,
    ILogger<LiveFigures> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>How long a flush waits for the pages to take its update before it moves on.</summary>
    private static readonly TimeSpan HandOverLimit = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private ShopChanges _dirty = new();
    private List<Subscription> _subscribers = [];
    private Task? _flusher;
    private long _flushes;
    private bool _flushing;

    /// <summary>How many flushes read figures and handed them out since the start.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>The pages following the figures now.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Nothing dirty and no flush under way: what was changed so far has been handed out (tests wait for it).</summary>
    internal bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                return _dirty.IsEmpty && !_flushing;
            }
        }
    }

    /// <summary>
    /// Calls <paramref name="onUpdate"/> after each flush until the returned subscription is disposed. A page passes
    /// its own InvokeAsync, so the update renders on the page's own circuit.
    /// </summary>
    public IDisposable Subscribe(Func<FigureUpdate, Task> onUpdate)
    {
        var subscription = new Subscription(this, onUpdate);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        return subscription;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        feed.Changed += MarkDirty;
        _flusher ??= Task.Run(FlushAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        feed.Changed -= MarkDirty;
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        if (_flusher is { } flusher)
        {
            await flusher.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private void MarkDirty(ShopChanges changes)
    {
        lock (_gate)
        {
            _dirty.Add(changes);
        }

        _wake.Writer.TryWrite(true);
    }

    private async Task FlushAsync()
    {
        var ct = _stopping.Token;
        // Real time, not the shop's clock: tests that stop the clock must not stop the pages.
        var sinceFlush = Stopwatch.StartNew();
        try
        {
            while (await _wake.Reader.WaitToReadAsync(ct))
            {
                _wake.Reader.TryRead(out _);
                var wait = options.Value.FlushInterval - sinceFlush.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, ct);
                }

                ShopChanges changes;
                List<Subscription> subscribers;
                lock (_gate)
                {
                    (changes, _dirty, subscribers, _flushing) = (_dirty, new ShopChanges(), _subscribers, true);
                }

                sinceFlush.Restart();
                try
                {
                    if (!changes.IsEmpty && subscribers.Count > 0)
                    {
                        await FlushAsync(changes, subscribers, ct);
                    }
                }
                finally
                {
                    lock (_gate)
                    {
                        _flushing = false;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task FlushAsync(ShopChanges changes, List<Subscription> subscribers, CancellationToken ct)
    {
        FigureUpdate update;
        try
        {
            update = await ReadAsync(changes, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The keys stay dirty: the next flush reads them again.
            logger.LogWarning(e, "Reading the live figures failed; they are read again at the next flush");
            MarkDirty(changes);
            return;
        }

        Interlocked.Increment(ref _flushes);
        var handedOver = Task.WhenAll(subscribers.Select(s => s.HandAsync(update, logger)));
        try
        {
            await handedOver.WaitAsync(HandOverLimit, ct);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Open pages took longer than {Limit} to take the live figures", HandOverLimit);
        }
    }

    private async Task<FigureUpdate> ReadAsync(ShopChanges changes, CancellationToken ct)
    {
        await using var db = await database.OpenAsync(ct);
        var products = changes.Products.ToList();
        var campaigns = changes.Campaigns.ToList();
        // After missed changes every figure is read: the hub does not know what the open pages show, and one read
        // of every product's stock (two integers a row) is cheaper than each open page reading its own.
        IQueryable<Product> dirtyProducts = db.Products.AsNoTracking();
        IQueryable<CouponCampaign> dirtyCampaigns = db.CouponCampaigns.AsNoTracking();
        if (!changes.AllFigures)
        {
            dirtyProducts = dirtyProducts.Where(p => products.Contains(p.Id));
            dirtyCampaigns = dirtyCampaigns.Where(c => campaigns.Contains(c.Id));
        }

        var stock = !changes.AllFigures && products.Count == 0
            ? new Dictionary<int, int>()
            : await dirtyProducts.Select(p => new { p.Id, p.Stock }).ToDictionaryAsync(p => p.Id, p => p.Stock, ct);
        var couponsLeft = !changes.AllFigures && campaigns.Count == 0
            ? new Dictionary<int, int>()
            : await dirtyCampaigns.Select(c => new { c.Id, Left = c.TotalQuantity - c.IssuedCount })
                .ToDictionaryAsync(c => c.Id, c => c.Left, ct);
        return new FigureUpdate(stock, couponsLeft, changes.Catalog, changes.Orders);
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != subscription)];
        }
    }

    private sealed class Subscription(LiveFigures hub, Func<FigureUpdate, Task> onUpdate) : IDisposable
    {
        public async Task HandAsync(FigureUpdate update, ILogger logger)
        {
            try
            {
                await onUpdate(update);
            }
            catch (Exception e)
            {
                // One page's failure (its circuit gone, say) must not keep the update from the others.
                logger.LogWarning(e, "An open page failed to take the live figures");
            }
        }

        public void Dispose() => hub.Unsubscribe(this);
    }
}
