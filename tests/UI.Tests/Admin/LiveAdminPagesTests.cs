using System.Globalization;
using Bunit;
using ECommerce.Domain;
using ECommerce.Domain.Live;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Components.Pages.Admin;
using Microsoft.Extensions.Options;

namespace ECommerce.UI.Tests.Admin;

/// <summary>The admin's dashboard and stock list follow sales and restocks without a reload, within a second.</summary>
public sealed class LiveAdminPagesTests(AdminShop shop) : AdminPageTest(shop)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_dashboard_counts_a_payment_made_elsewhere_within_a_second()
    {
        await StartLiveFiguresAsync();
        var product = await NewProductAsync(stock: 20);
        var page = RenderPage<AdminDashboard>();
        var paid = int.Parse(page.WaitForElement("[data-figure=paid-orders]").TextContent, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        await SettleAsync();

        await BuyAsync(product.Id);

        page.WaitForAssertion(() => Assert.Equal((paid + 1).ToString("N0", CultureInfo.InvariantCulture),
            page.Find("[data-figure=paid-orders]").TextContent), Second);
    }

    [Fact]
    public async Task The_stock_list_shows_a_sale_of_a_listed_product_within_a_second()
    {
        await StartLiveFiguresAsync();
        var product = await NewProductAsync(stock: 20);
        var page = RenderPage<AdminStock>();
        Box(page, "Product name").Input(product.Name);
        Box(page, "Product name").KeyUp("Enter");
        page.WaitForAssertion(() => Assert.Equal("20", page.Find("[aria-label='Stock'] tr.data-row .stock-units").TextContent));
        await SettleAsync();

        await BuyAsync(product.Id, quantity: 3);

        page.WaitForAssertion(() => Assert.Equal("17", page.Find("[aria-label='Stock'] tr.data-row .stock-units").TextContent), Second);
    }

    /// <summary>This context's own shop services, as the host would start them: the live figures' hub among them.</summary>
    private Task StartLiveFiguresAsync() => Services.StartWithoutHostAsync();

    private Task SettleAsync() => Task.Delay(3 * Get<IOptions<LiveOptions>>().Value.FlushInterval);

    private async Task<ProductDetail> NewProductAsync(int stock)
    {
        var category = (await Get<CatalogService>().GetCategoriesAsync())[0];
        var added = await Get<InventoryService>().AddProductAsync(
            new NewProduct(category.Id, $"Live item {Guid.NewGuid():N}"[..22], "Made for one test.", 10_000, stock), "ui tests");
        return added.Value ?? throw new InvalidOperationException(added.ToString());
    }

    /// <summary>A shopper elsewhere charges their wallet, orders and pays.</summary>
    private async Task BuyAsync(int productId, int quantity = 1)
    {
        var buyer = $"buyer-{Guid.NewGuid():N}";
        Assert.True((await Get<WalletService>().ChargeAsync(buyer, 500_000, Guid.NewGuid().ToString())).IsSuccess);
        var order = await Get<OrderService>().PlaceAsync(buyer, new PlaceOrder([new CartLine(productId, quantity)], null, Guid.NewGuid().ToString()));
        Assert.True((await Get<OrderService>().PayAsync(buyer, order.Value!.Id)).IsSuccess);
    }
}
