using ECommerce.Domain.Live;
using ECommerce.Domain.Tests.Support;
using Npgsql;

namespace ECommerce.Domain.Tests.Live;

/// <summary>
/// An instance whose listening connection is lost misses the NOTIFYs sent meanwhile; once it listens again its open
/// pages take every figure afresh, so a change made by another instance while it was away still shows.
/// </summary>
[Collection(LiveCollection.Name)]
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class ListenerReconnectTests
{
    [Fact]
    public async Task A_stock_change_made_while_the_listener_was_cut_off_shows_once_it_listens_again()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.Get<PostgreSqlChangeListener>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var product = await shop.AddProductAsync(stock: 7);
        await FigureUpdates.SettleAsync(shop);
        var updates = new FigureUpdates();
        using var subscription = shop.Get<LiveFigures>().Subscribe(updates.Take);

        // Another instance restocks and announces it, in one transaction that first cuts this instance's listener
        // off and waits until its backend is gone: the NOTIFY is delivered on commit to no one here, and the
        // listener's next LISTEN (100 ms later at the earliest) comes after the commit.
        var announced = new ShopChanges();
        announced.Products.Add(product.Id);
        await using (var otherInstance = new NpgsqlConnection(shop.ConnectionString))
        {
            await otherInstance.OpenAsync();
            await using var restock = new NpgsqlCommand(
                """
                BEGIN;
                UPDATE "Products" SET "Stock" = 42, "Version" = "Version" + 1 WHERE "Id" = @product;
                SELECT pg_notify(@channel, @payload);
                SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000)) FROM pg_stat_activity
                 WHERE datname = current_database() AND application_name = 'shop-change-listener';
                COMMIT;
                """, otherInstance);
            restock.Parameters.AddWithValue("product", product.Id);
            restock.Parameters.AddWithValue("channel", ChangeFeed.Channel);
            restock.Parameters.AddWithValue("payload", announced.ToPayloads().Single());
            // Sent as one pipeline: the server runs the statements back to back, with no round trip before the commit.
            await using var reader = await restock.ExecuteReaderAsync();
            object? cutOff = null;
            do
            {
                while (await reader.ReadAsync())
                {
                    cutOff = reader.GetValue(0);
                }
            }
            while (await reader.NextResultAsync());

            Assert.Equal(1L, cutOff);
        }

        var (update, _) = await updates.WaitForAsync(u => u.Stock.GetValueOrDefault(product.Id) == 42, TimeSpan.FromSeconds(5));
        Assert.True(update.CatalogChanged);
        Assert.True(update.OrdersChanged);
    }
}
