using ECommerce.Domain.Orders;
using ECommerce.Domain.Persistence;
using ECommerce.Domain.Wallets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.UI.Tests.Pages;

/// <summary>The shop seeds its demo data on first start; starting it again over the same file adds nothing and loses nothing.</summary>
public sealed class RestartTests
{
    private sealed record Counts(
        int Accounts, int Categories, int Products, int Campaigns, int IssuedCoupons, int Orders, int PaidOrders,
        int LedgerEntries, long Balances, int OutboxMessages, int AdminActions);

    [Fact]
    public async Task A_restart_neither_duplicates_nor_loses_the_demo_data_or_what_shoppers_did()
    {
        var folder = Directory.CreateTempSubdirectory("storefront-restart-").FullName;
        try
        {
            Counts before;
            string shopperId;
            await using (var first = new StorefrontFactory(folder))
            {
                (_, shopperId) = await first.NewShopperAsync();
                var charged = await first.Get<WalletService>().ChargeAsync(shopperId, 12_345, "before the restart");
                Assert.True(charged.IsSuccess, charged.ToString());
                before = await CountAsync(first);
            }

            await using var second = new StorefrontFactory(folder);

            Assert.Equal(before, await CountAsync(second));
            Assert.True(before.Products >= 60 && before.PaidOrders > 0, before.ToString());
            Assert.Equal(12_345, await second.Get<WalletService>().GetBalanceAsync(shopperId));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Counts> CountAsync(StorefrontFactory shop)
    {
        await using var scope = shop.Services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().Users.CountAsync();
        await using var db = await shop.Get<IDbContextFactory<ShopDbContext>>().CreateDbContextAsync();
        return new Counts(
            accounts,
            await db.Categories.CountAsync(),
            await db.Products.CountAsync(),
            await db.CouponCampaigns.CountAsync(),
            await db.IssuedCoupons.CountAsync(),
            await db.Orders.CountAsync(),
            await db.Orders.CountAsync(o => o.Status == OrderStatus.Paid),
            await db.WalletLedger.CountAsync(),
            await db.Wallets.SumAsync(w => w.Balance),
            await db.Outbox.CountAsync(),
            await db.AdminActions.CountAsync());
    }
}
