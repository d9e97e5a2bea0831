using ECommerce.Domain;
using ECommerce.Domain.Common;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.Wallets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.DomainWorker.Race;

/// <summary>
/// The fairness race's starting database, made once through the domain's own services (as the fairness test makes
/// it): 300 shoppers with ₩5,000,000 each, four open campaigns, ten well-stocked products. Every run starts from a
/// copy of it, so runs of different builds start from the same state.
/// </summary>
internal static class RaceShop
{
    public static async Task<WorkerPlan> PrepareAsync(string folder)
    {
        var database = Path.Combine(folder, "template.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:Database:ConnectionString"] = $"Data Source={database}",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddShopDomain(configuration).BuildServiceProvider();
        await using (services)
        {
            await services.MigrateShopAsync();
            var shoppers = Enumerable.Range(1, 300).Select(n => $"shopper-{n}").ToList();
            var wallets = services.GetRequiredService<WalletService>();
            foreach (var shopper in shoppers)
            {
                for (var n = 0; n < 5; n++)
                {
                    Must(await wallets.ChargeAsync(shopper, 1_000_000, $"race-setup-{shopper}-{n}"));
                }
            }

            var coupons = services.GetRequiredService<CouponService>();
            var opens = DateTime.UtcNow.AddHours(-1);
            var campaigns = new List<int>();
            for (var n = 1; n <= 4; n++)
            {
                var campaign = Must(await coupons.CreateCampaignAsync(new NewCouponCampaign(
                    $"RACE{n}", "Race", DiscountKind.FixedAmount, 1_000, null, 0, 100_000, opens, opens.AddDays(30),
                    TimeSpan.FromDays(30)), "race"));
                campaigns.Add(campaign.Id);
            }

            var inventory = services.GetRequiredService<InventoryService>();
            var category = Must(await inventory.AddCategoryAsync("Race")).Id;
            var products = new List<int>();
            for (var n = 0; n < 10; n++)
            {
                products.Add(Must(await inventory.AddProductAsync(new NewProduct(category, $"Race product {n}", "", 1_000 + (n * 500), 1_000_000), "race")).Id);
            }

            return new WorkerPlan(database, Path.Combine(folder, "data-platform"), shoppers, campaigns, products,
                WorkerMix.PaymentsAndClaims, Tasks: 8, Seconds: 4);
        }
    }

    /// <summary>A fresh copy of the template for one run, in its own folder.</summary>
    public static string CopyFor(WorkerPlan template, string runFolder)
    {
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(runFolder);
        var copy = Path.Combine(runFolder, "shop.db");
        using (var connection = new SqliteConnection($"Data Source={template.Database}"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        File.Copy(template.Database, copy);
        return copy;
    }

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException($"Preparing the race failed: {result}");
}
