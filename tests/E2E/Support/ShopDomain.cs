using ECommerce.Domain;
using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.E2E.Support;

/// <summary>
/// The shop's own services over the running storefront's database file, as a second process would have them: for
/// arranging what a browser cannot make happen on cue (a product selling out, a campaign's last coupon going) and
/// for checking what the shop stored. What a shopper or an admin does, the tests do in the browser.
/// </summary>
public sealed class ShopDomain(ServiceProvider services) : IAsyncDisposable
{
    public static Task<ShopDomain> OpenAsync(string databasePath) =>
        OpenAsync(new Dictionary<string, string?> { ["Shop:Database:ConnectionString"] = $"Data Source={databasePath}" });

    /// <summary>Over a cluster's PostgreSQL database (scripts/cluster.sh).</summary>
    public static Task<ShopDomain> OpenPostgreSqlAsync(string connectionString) =>
        OpenAsync(new Dictionary<string, string?>
        {
            ["Shop:Database:Provider"] = "PostgreSQL",
            ["Shop:Database:ConnectionString"] = connectionString,
        });

    private static async Task<ShopDomain> OpenAsync(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddShopDomain(configuration).BuildServiceProvider();
        await services.StartWithoutHostAsync(); // Its claims go through the domain's batcher, as in the app.
        return new ShopDomain(services);
    }

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>A seeded product's id.</summary>
    public async Task<int> ProductIdAsync(string name)
    {
        var found = await Get<CatalogService>().SearchAsync(new CatalogQuery(Keyword: name));
        return found.Value!.Items.Single(p => p.Name == name).Id;
    }

    /// <summary>A product of the test's own ("<paramref name="kind"/> 1a2b3c"), so no other test's purchases touch its stock.</summary>
    public async Task<ProductDetail> AddProductAsync(string kind, long price, int stock)
    {
        var category = (await Get<CatalogService>().GetCategoriesAsync())[0];
        var added = await Get<InventoryService>().AddProductAsync(new NewProduct(category.Id, Unique(kind), "Made for one test.", price, stock), "e2e");
        return added.Value ?? throw new InvalidOperationException(added.ToString());
    }

    /// <summary>Someone else buys (or breaks) the last units.</summary>
    public async Task SellOutAsync(int productId)
    {
        var stock = (await Get<CatalogService>().GetProductAsync(productId)).Value!.Stock;
        var adjusted = await Get<InventoryService>().AdjustStockAsync(productId, -stock, "Sold elsewhere", "e2e");
        Assert.True(adjusted.IsSuccess, adjusted.ToString());
    }

    /// <summary>A campaign of the test's own ("<paramref name="kind"/> 1a2b3c"), open now, ₩1,000 off any order.</summary>
    public async Task<CampaignView> AddCampaignAsync(string kind, int quantity)
    {
        var now = DateTime.UtcNow;
        var spec = new NewCouponCampaign($"E2E{Guid.NewGuid():N}"[..20], Unique(kind), DiscountKind.FixedAmount, 1_000, null, 0, quantity,
            now.AddHours(-1), now.AddDays(1), TimeSpan.FromDays(7));
        var created = await Get<CouponService>().CreateCampaignAsync(spec, "e2e");
        return created.Value ?? throw new InvalidOperationException(created.ToString());
    }

    /// <summary>Another shopper claims a coupon of the campaign.</summary>
    public async Task ClaimForSomeoneElseAsync(int campaignId)
    {
        var claimed = await Get<CouponService>().ClaimAsync($"someone-else-{Guid.NewGuid():N}", campaignId);
        Assert.True(claimed.IsSuccess, claimed.ToString());
    }

    private static string Unique(string kind) => $"{kind} {Guid.NewGuid():N}"[..(kind.Length + 7)];

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
