using ECommerce.Domain.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.Api.Tests.Support;

/// <summary>What a test needs on the shelves or in the campaigns, made through the real domain and the admin API.</summary>
public static class ShopSetup
{
    /// <summary>A product of its own, so a test that sells out or counts stock is not disturbed by another.</summary>
    public static async Task<int> AddProductAsync(this ApiFactory shop, long price, int stock)
    {
        var inventory = shop.Services.GetRequiredService<InventoryService>();
        var categories = await shop.Services.GetRequiredService<CatalogService>().GetCategoriesAsync();
        var added = await inventory.AddProductAsync(
            new NewProduct(categories[0].Id, $"Test item {Guid.NewGuid():N}"[..30], "For an API test.", price, stock), "api-tests");
        Assert.True(added.IsSuccess, added.ToString());
        return added.Value!.Id;
    }

    /// <summary>A campaign of its own through POST /api/admin/campaigns; returns its code.</summary>
    public static async Task<string> AddCampaignAsync(this ApiShopper admin, int quantity = 100, long discount = 1_000, long minOrder = 0,
        TimeSpan? opensIn = null)
    {
        var code = $"T{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var opens = DateTime.UtcNow + (opensIn ?? TimeSpan.FromMinutes(-1));
        using var created = await admin.PostAsync("/api/admin/campaigns", new
        {
            code,
            name = $"Campaign {code}",
            discountKind = "FixedAmount",
            discountValue = discount,
            minOrderAmount = minOrder,
            totalQuantity = quantity,
            claimOpensAt = opens,
            claimClosesAt = opens.AddDays(2),
            couponValidFor = "7.00:00:00",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return code;
    }

    public static Task<ApiShopper> AdminAsync(this ApiFactory shop) =>
        ApiShopper.SignInAsync(shop, DemoLogins.AdminEmail, DemoLogins.AdminPassword);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}
