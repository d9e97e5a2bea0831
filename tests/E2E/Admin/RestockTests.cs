using ECommerce.Domain.Common;
using ECommerce.Domain.Orders;

namespace ECommerce.E2E.Admin;

public sealed class RestockTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task An_admin_restocks_a_sold_out_product_and_a_shopper_can_then_buy_it() => InBrowserAsync(async shopperPage =>
    {
        var domain = Shop.Domain;
        var kettle = await domain.AddProductAsync("E2E Kettle", 12_000, 0);
        var name = kettle.Name;
        var email = await Shopper.RegisterAsync(shopperPage);
        var shopperId = await domain.ShopperIdAsync(email);
        var orders = domain.Get<OrderService>();
        PlaceOrder Cart() => new([new CartLine(kettle.Id, 1)], null, Guid.NewGuid().ToString("N"));
        Assert.Equal(ErrorCode.OutOfStock, (await orders.PlaceAsync(shopperId, Cart())).Error?.Code);

        await using var adminContext = await NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await AdminUser.SignInAsync(admin, "admin/stock");
        await admin.GetByLabel("Product name").FillAsync(name);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock")).ToHaveCountAsync(1);
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock")).ToContainTextAsync("Sold out");
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Restock or adjust {name}" }).ClickAsync();
        await Shopper.WaitForInteractivityAsync(admin);
        await Assertions.Expect(admin.GetByTestId("shown-stock")).ToHaveTextAsync("0");
        await admin.GetByLabel("Units to add").FillAsync("5");
        await admin.GetByLabel("Reason").FillAsync("Delivery from the factory");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved: +5 units. The stock is now 5.");
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock history").First).ToContainTextAsync("Delivery from the factory");
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock history").First).ToContainTextAsync(AdminUser.Email);

        // The shopper tops up in the browser, then orders and pays (the cart pages are on the storefront branch).
        await shopperPage.GotoAsync("wallet");
        await Shopper.WaitForInteractivityAsync(shopperPage);
        await shopperPage.GetByLabel("Amount").FillAsync("12000");
        await shopperPage.GetByRole(AriaRole.Button, new() { Name = "Charge", Exact = true }).ClickAsync();
        await Assertions.Expect(shopperPage.GetByTestId("balance")).ToHaveTextAsync("₩12,000");
        var placed = await orders.PlaceAsync(shopperId, Cart());
        Assert.True(placed.IsSuccess, placed.ToString());
        Assert.True((await orders.PayAsync(shopperId, placed.Value!.Id)).IsSuccess);
        await shopperPage.ReloadAsync();
        await Assertions.Expect(shopperPage.GetByTestId("balance")).ToHaveTextAsync("₩0");
        await Assertions.Expect(shopperPage.GetByText($"Payment for order #{placed.Value.Id}")).ToBeVisibleAsync();

        await admin.GotoAsync($"admin/orders/{placed.Value.Id}");
        await Assertions.Expect(admin.GetByTestId("shopper")).ToHaveTextAsync(email);
        await Assertions.Expect(admin.GetByTestId("total")).ToHaveTextAsync("₩12,000");
        await admin.GotoAsync($"admin/stock/{kettle.Id}");
        await Assertions.Expect(admin.GetByTestId("shown-stock")).ToHaveTextAsync("4");
    });
}
