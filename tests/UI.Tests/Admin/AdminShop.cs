using ECommerce.Domain;
using ECommerce.Domain.Persistence;
using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Components.Pages.Admin;
using ECommerce.Storefront.Persistence;
using ECommerce.Storefront.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ECommerce.UI.Tests.Admin;

/// <summary>
/// One real shop for the admin component tests: a SQLite file in a temporary folder, both schemas, the demo data
/// (products, campaigns, three days of paid orders, the outbox) and the seeded admin. Seeding takes seconds, so the
/// admin test classes share it; a test that changes something makes its own product or campaign first.
/// </summary>
public sealed class AdminShop : IAsyncLifetime
{
    public const string AdminEmail = "admin@example.com";

    private readonly string _folder = Directory.CreateTempSubdirectory("admin-ui-").FullName;

    public string AdminId { get; private set; } = "";

    public IConfiguration Configuration { get; private set; } = default!;

    /// <summary>The storefront's own registrations of what the admin pages use, on this shop's file.</summary>
    public void AddTo(IServiceCollection services) => AddTo(services, Configuration);

    /// <summary>The same registrations over another configuration, e.g. a database that cannot be opened.</summary>
    public static void AddTo(IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(configuration)
        .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
        .AddShopDomain(configuration)
        .AddShopAccounts(configuration)
        .AddAdminArea()
        .AddDemoData(configuration);

    public async Task InitializeAsync()
    {
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "shop.db")}",
            ["Shop:DataPlatform:Folder"] = Path.Combine(_folder, "data-platform"),
            ["Shop:Catalog:TopSellersRefresh"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        AddTo(services);
        await using var provider = services.BuildServiceProvider();
        await ShopSchema.MigrateAsync(provider.GetRequiredService<IDbContextFactory<ShopDbContext>>());
        await StorefrontSchema.MigrateAsync(provider.GetRequiredService<IDbContextFactory<StorefrontDbContext>>());
        await provider.GetRequiredService<DemoData>().SeedAsync();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        AdminId = (await users.FindByEmailAsync(AdminEmail))!.Id;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
