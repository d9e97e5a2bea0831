using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ECommerce.UI.Tests.Operations;

/// <summary>
/// The storefront on real Kestrel at a free loopback port (so /metrics sees a real remote address), over the real
/// domain and its own seeded SQLite file, with a data platform that is down.
/// </summary>
public sealed class MetricsShop : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("shop-metrics-").FullName;

    public MetricsShop() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Shop:Database:ConnectionString", $"Data Source={Path.Combine(_folder, "shop.db")}");
        // A data platform that never answers (the discard port refuses): paid orders stay in the outbox for its gauges.
        builder.UseSetting("Shop:DataPlatform:Sink", "Http");
        builder.UseSetting("Shop:DataPlatform:Url", "http://127.0.0.1:9/");
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The scrape as Prometheus reads it.</summary>
    public async Task<PrometheusText> ScrapeAsync()
    {
        using var client = CreateClient();
        return PrometheusText.Parse(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
    }

    /// <summary>A new account of the test's own; returns its shopper id.</summary>
    public async Task<string> NewShopperAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = $"ops-{Guid.NewGuid():N}@example.com";
        var user = new IdentityUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, StorefrontShoppers.Password)).Succeeded);
        return user.Id;
    }

    /// <summary>A product of the test's own, 10,000 won, 10 in stock.</summary>
    public async Task<int> NewProductAsync()
    {
        var category = (await Get<CatalogService>().GetCategoriesAsync())[0];
        var added = await Get<InventoryService>().AddProductAsync(
            new NewProduct(category.Id, $"Ops item {Guid.NewGuid():N}"[..20], "Made for one test.", 10_000, 10), "operations tests");
        return added.Value!.Id;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
