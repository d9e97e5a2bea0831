using System.IO.Compression;
using ECommerce.Domain;
using ECommerce.Storefront.Persistence;
using ECommerce.Storefront.Persistence.Migrations.PostgreSql;
using ECommerce.Storefront.Persistence.Migrations.Sqlite;
using ECommerce.Storefront.Seeding;
using ECommerce.UI.Tests.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ECommerce.UI.Tests.Persistence;

/// <summary>The storefront's tables (accounts, carts) under EF Core migrations, on each store, and carried over from release 3.</summary>
public sealed class StorefrontSchemaTests
{
    /// <summary>CI fails here when Identity's or the cart's model changed and nobody ran `dotnet ef migrations add` (docs/schema.md).</summary>
    [Fact]
    public async Task Every_change_of_the_storefront_model_is_covered_by_a_migration_on_each_store()
    {
        await using var sqlite = new SqliteStorefrontDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "The storefront's model has changes no SQLite migration covers.");
        await using var postgreSql = new PostgreSqlStorefrontDesignTimeFactory().CreateDbContext([]);
        Assert.False(postgreSql.Database.HasPendingModelChanges(), "The storefront's model has changes no PostgreSQL migration covers.");
    }

    /// <summary>
    /// The file release 3 (commit 909a029) made when its storefront seeded an empty database (the same fixture the
    /// domain's SchemaUpgradeTests carry over), started as the storefront starts: both contexts migrate, then seeding.
    /// </summary>
    [Fact]
    public async Task A_release_3_file_keeps_its_accounts_and_sign_ins_after_the_storefront_starts_on_it()
    {
        var folder = Directory.CreateTempSubdirectory("storefront-release-3-").FullName;
        try
        {
            var file = Path.Combine(folder, "shop.db");
            await using (var packed = new GZipStream(
                typeof(StorefrontSchemaTests).Assembly.GetManifestResourceStream("shop-release-3.db.gz")!, CompressionMode.Decompress))
            await using (var unpacked = File.Create(file))
            {
                await packed.CopyToAsync(unpacked);
            }

            const string accounts = "SELECT group_concat(\"Id\" || ' ' || \"Email\" || ' ' || \"PasswordHash\" || ' ' || \"SecurityStamp\", '|') FROM \"AspNetUsers\"";
            var before = await ScalarAsync(file, accounts);
            var roles = await ScalarAsync(file, "SELECT COUNT(*) FROM \"AspNetUserRoles\"");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Shop:Database:ConnectionString"] = $"Data Source={file}",
                ["Shop:DataPlatform:Folder"] = Path.Combine(folder, "data-platform"),
            }).Build();
            var services = new ServiceCollection();
            AdminShop.AddTo(services, configuration);
            await using var provider = services.BuildServiceProvider();

            await provider.MigrateShopAsync();
            await StorefrontSchema.MigrateAsync(provider.GetRequiredService<IDbContextFactory<StorefrontDbContext>>());
            await provider.GetRequiredService<DemoData>().SeedAsync();

            Assert.Equal(before, await ScalarAsync(file, accounts));
            Assert.Equal(roles, await ScalarAsync(file, "SELECT COUNT(*) FROM \"AspNetUserRoles\""));
            Assert.Equal("0", await ScalarAsync(file, "SELECT COUNT(*) FROM sqlite_master WHERE \"name\" = '__ShopSchema'"));
            await using (var db = await provider.GetRequiredService<IDbContextFactory<StorefrontDbContext>>().CreateDbContextAsync())
            {
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            }

            await using var scope = provider.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var admin = await users.FindByEmailAsync(DemoAccounts.AdminEmail);
            Assert.True(await users.CheckPasswordAsync(admin!, DemoAccounts.AdminPassword));
            Assert.True(await users.IsInRoleAsync(admin!, "Admin"));
            Assert.True((await users.CreateAsync(new IdentityUser { UserName = "new@example.com", Email = "new@example.com" }, "Newcomer123!")).Succeeded);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
