namespace ECommerce.E2E.Admin;

public sealed class RestockTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task An_admin_restocks_a_sold_out_product_and_a_shopper_can_then_buy_it() => InBrowserAsync(async shopper =>
    {
        var kettle = await Shop.Domain.AddProductAsync("E2E Kettle", 12_000, 0);
        var name = kettle.Name;
        var email = await Shopper.RegisterAsync(shopper);
        await Shopper.ChargeAsync(shopper, 12_000);
        await Shopper.GoToAsync(shopper, $"products/{kettle.Id}");
        await Assertions.Expect(shopper.GetByRole(AriaRole.Button, new() { Name = "Sold out" })).ToBeDisabledAsync();

        await using var adminContext = await NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await AdminUser.SignInAsync(admin, "admin/stock");
        await admin.GetByLabel("Product name").FillAsync(name);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock")).ToHaveCountAsync(1);
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock")).ToContainTextAsync("Sold out");
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Restock or adjust {name}" }).ClickAsync();
        await Shopper.WaitForInteractivityAsync(admin);
        await Assertions.Expect(admin.GetByTestId("shown-stock")).ToHaveTextAsync("0");
        await admin.GetByLabel("Units to add").FillAsync("5");
        await admin.GetByLabel("Reason").FillAsync("Delivery from the factory");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();
        await AdminUser.AnswerDialogAsync(admin, "Save change");
        await Assertions.Expect(admin.GetByText("Saved: +5 units. The stock is now 5.")).ToBeVisibleAsync();
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock history").First).ToContainTextAsync("Delivery from the factory");
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock history").First).ToContainTextAsync(AdminUser.Email);

        // The shopper finds it back in stock and buys one.
        await Shopper.AddToCartAsync(shopper, kettle.Id);
        await Shopper.PlaceOrderAsync(shopper);
        var orderId = await Shopper.PayAsync(shopper, 12_000);
        await Assertions.Expect(Shopper.HeaderBalance(shopper)).ToHaveTextAsync("₩0");

        await admin.GotoAsync($"admin/orders/{orderId}");
        await Assertions.Expect(admin.GetByTestId("shopper")).ToHaveTextAsync(email);
        await Assertions.Expect(admin.GetByTestId("total")).ToHaveTextAsync("₩12,000");
        await admin.GotoAsync($"admin/stock/{kettle.Id}");
        await Assertions.Expect(admin.GetByTestId("shown-stock")).ToHaveTextAsync("4");
    });
}
