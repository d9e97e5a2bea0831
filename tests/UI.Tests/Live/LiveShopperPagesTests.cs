using Bunit;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.Live;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Components.Pages.Catalog;
using ECommerce.Storefront.Components.Pages.Coupons;
using ECommerce.Storefront.Components.Pages.Home;
using ECommerce.Storefront.Components.Pages.Product;
using Microsoft.Extensions.Options;

namespace ECommerce.UI.Tests.Live;

/// <summary>
/// The shopper's open pages follow the figures without a reload: a change made through the domain's services
/// (another shopper's purchase or claim, an admin's restock) shows within a second.
/// </summary>
[Collection(StorefrontCollection.Name)]
public sealed class LiveShopperPagesTests(StorefrontFactory shop) : ShopContext(shop)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_product_page_shows_another_shopper_s_purchase_within_a_second()
    {
        var product = await Shop.NewProductAsync(stock: 5);
        var page = RenderInShop<ProductPage>(p => p.Add(x => x.Id, product.Id));
        page.WaitForAssertion(() => Assert.Equal("Only 5 left", page.Find(".mud-chip.stock").TextContent.Trim()));
        await LiveSettlesAsync();

        await BuyElsewhereAsync(product.Id, quantity: 2);

        page.WaitForAssertion(() => Assert.Equal("Only 3 left", page.Find(".mud-chip.stock").TextContent.Trim()), Second);
    }

    [Fact]
    public async Task The_catalog_updates_the_stock_badge_of_a_shown_card()
    {
        var product = await Shop.NewProductAsync(stock: 12);
        Navigation.NavigateTo($"catalog?q={Uri.EscapeDataString(product.Name)}");
        var page = RenderInShop<CatalogPage>();
        page.WaitForAssertion(() => Assert.Equal("12 in stock", page.Find(".product-card .stock").TextContent.Trim()));
        await LiveSettlesAsync();

        await Shop.Get<InventoryService>().AdjustStockAsync(product.Id, -10, "Sold at the market stall", "ui tests");

        page.WaitForAssertion(() => Assert.Equal("Only 2 left", page.Find(".product-card .stock").TextContent.Trim()), Second);
    }

    [Fact]
    public async Task The_home_page_s_top_5_shows_a_restock_within_a_second()
    {
        var page = RenderInShop<Home>();
        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll(".top-seller").Count));
        var first = (await Shop.Get<CatalogService>().GetTopSellersAsync())[0];
        await LiveSettlesAsync();

        var restocked = await Shop.Get<InventoryService>().AdjustStockAsync(first.ProductId, 40, "Delivery", "ui tests");

        page.WaitForAssertion(() => Assert.Equal($"{restocked.Value!.Stock} in stock", page.FindAll(".top-seller")
            .Single(li => li.QuerySelector("a.name")!.GetAttribute("href") == $"products/{first.ProductId}")
            .QuerySelector(".stock")!.TextContent.Trim()), Second);
    }

    [Fact]
    public async Task The_coupons_page_counts_down_other_shoppers_claims()
    {
        var campaign = await NewCampaignAsync(quantity: 50);
        var page = RenderInShop<CouponsPage>();
        page.WaitForAssertion(() => Assert.Equal("50 of 50 left", Remaining(page, campaign)));
        await LiveSettlesAsync();

        foreach (var _ in Enumerable.Range(0, 3))
        {
            var (_, other) = await Shop.NewShopperAsync();
            Assert.True((await Shop.Get<CouponService>().ClaimAsync(other, campaign.Id)).IsSuccess);
        }

        page.WaitForAssertion(() => Assert.Equal("47 of 50 left", Remaining(page, campaign)), Second);
    }

    [Fact]
    public async Task A_closed_page_no_longer_follows()
    {
        var product = await Shop.NewProductAsync(stock: 5);
        var figures = Shop.Get<LiveFigures>();
        var before = figures.Subscribers;
        var page = RenderInShop<ProductPage>(p => p.Add(x => x.Id, product.Id));
        page.WaitForAssertion(() => Assert.Equal(before + 1, figures.Subscribers));

        await DisposeComponentsAsync();

        Assert.Equal(before, figures.Subscribers);
    }

    private static string Remaining(IRenderedComponent<CouponsPage> page, CampaignView campaign) =>
        page.FindAll("li").Single(li => li.TextContent.Contains(campaign.Name, StringComparison.Ordinal))
            .QuerySelector("[data-testid=remaining]")!.TextContent.Trim();

    /// <summary>Another shopper charges their wallet, orders and pays: payment takes the units from the shelf.</summary>
    private async Task BuyElsewhereAsync(int productId, int quantity)
    {
        var (_, buyer) = await Shop.NewShopperAsync();
        Assert.True((await Shop.Get<WalletService>().ChargeAsync(buyer, 500_000, Guid.NewGuid().ToString())).IsSuccess);
        var order = await Shop.Get<OrderService>().PlaceAsync(buyer, new PlaceOrder([new CartLine(productId, quantity)], null, Guid.NewGuid().ToString()));
        Assert.True((await Shop.Get<OrderService>().PayAsync(buyer, order.Value!.Id)).IsSuccess);
    }

    private async Task<CampaignView> NewCampaignAsync(int quantity)
    {
        var now = DateTime.UtcNow;
        var code = $"LIVE{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var created = await Shop.Get<CouponService>().CreateCampaignAsync(new NewCouponCampaign(
            code, $"Live {code}", DiscountKind.FixedAmount, 1_000, null, 0, quantity,
            now.AddHours(-1), now.AddDays(1), TimeSpan.FromDays(7)), "ui tests");
        return created.Value ?? throw new InvalidOperationException(created.ToString());
    }

    /// <summary>Waits out the flush of the test's own setup, so the page's next update is the change the test makes.</summary>
    private async Task LiveSettlesAsync() =>
        await Task.Delay(3 * Shop.Get<IOptions<LiveOptions>>().Value.FlushInterval);
}
