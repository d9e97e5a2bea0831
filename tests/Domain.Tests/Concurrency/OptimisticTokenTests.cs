using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Concurrency;

/// <summary>The tokens and the retry, shown one step at a time rather than by a race.</summary>
public sealed class OptimisticTokenTests
{
    [Fact]
    public async Task A_stale_stock_write_is_refused_by_the_token()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 5);
        await using var first = await shop.OpenDbAsync();
        await using var second = await shop.OpenDbAsync();
        var firstCopy = await first.Products.SingleAsync(p => p.Id == product.Id);
        var secondCopy = await second.Products.SingleAsync(p => p.Id == product.Id);

        firstCopy.Sell(5);
        await first.SaveChangesAsync();
        secondCopy.Sell(5);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(0, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
    }

    [Fact]
    public async Task Every_versioned_row_carries_a_concurrency_token()
    {
        await using var shop = await ShopHarness.StartAsync();
        await using var db = await shop.OpenDbAsync();

        var tokens = db.Model.GetEntityTypes()
            .Where(t => t.GetProperties().Any(p => p.IsConcurrencyToken))
            .Select(t => t.ClrType.Name)
            .Order()
            .ToList();

        Assert.Equal(["CatalogRevision", "CouponCampaign", "IssuedCoupon", "Order", "Product", "Wallet"], tokens);
    }

    [Fact]
    public async Task A_unit_that_loses_a_race_runs_again_and_then_succeeds()
    {
        await using var shop = await ShopHarness.StartAsync(TransactionShape.Optimistic);
        var product = await shop.AddProductAsync(stock: 5);
        var runs = 0;

        var result = await shop.Get<UnitOfWork>().RunAsync<int>(async db =>
        {
            runs++;
            var mine = await db.Products.SingleAsync(p => p.Id == product.Id);
            if (runs == 1)
            {
                // Someone else sells a unit between this unit's read and its write.
                await using var other = await shop.OpenDbAsync();
                (await other.Products.SingleAsync(p => p.Id == product.Id)).Sell(1);
                await other.SaveChangesAsync();
            }

            mine.Sell(2);
            return mine.Stock;
        });

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(2, runs);
        Assert.Equal(2, result.Value);
        Assert.Equal(2, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.Equal(1, shop.Statistics.Retries);
    }

    [Fact]
    public async Task A_unit_that_always_conflicts_gives_up_as_busy_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync(TransactionShape.Optimistic,
            new Dictionary<string, string?> { ["Shop:Concurrency:MaxAttempts"] = "4" });
        var product = await shop.AddProductAsync(stock: 100);
        var runs = 0;

        var result = await shop.Get<UnitOfWork>().RunAsync<int>(async db =>
        {
            runs++;
            var mine = await db.Products.SingleAsync(p => p.Id == product.Id);
            await using var other = await shop.OpenDbAsync();
            (await other.Products.SingleAsync(p => p.Id == product.Id)).Sell(1);
            await other.SaveChangesAsync();
            mine.Sell(50);
            return mine.Stock;
        });

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorCode.Busy, result.Error.Code);
        Assert.Equal(4, runs);
        Assert.Equal(96, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.Equal(1, shop.Statistics.Exhausted);
    }

    [Fact]
    public async Task A_refused_unit_saves_nothing_it_changed()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 5);

        var result = await shop.Get<UnitOfWork>().RunAsync<int>(async db =>
        {
            (await db.Products.SingleAsync(p => p.Id == product.Id)).Sell(5);
            return ShopError.Invalid("changed my mind");
        });

        Assert.Equal(ErrorCode.InvalidInput, result.Error!.Code);
        Assert.Equal(5, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
    }
}
