using ECommerce.Domain.Catalog;

namespace ECommerce.E2E.Admin;

public sealed class ConcurrentStockEditTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task The_second_admin_is_told_the_stock_changed_and_never_overwrites_it() => InBrowserAsync(async first =>
    {
        var product = await Shop.Domain.AddProductAsync("E2E Teapot", 30_000, 10);
        await using var secondContext = await NewContextAsync();
        var second = await secondContext.NewPageAsync();
        foreach (var page in new[] { first, second })
        {
            await AdminUser.SignInAsync(page, $"admin/stock/{product.Id}");
            await Assertions.Expect(page.GetByTestId("shown-stock")).ToHaveTextAsync("10");
        }

        await first.GetByLabel("Units to add").FillAsync("5");
        await first.GetByLabel("Reason").FillAsync("Delivery");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();
        await AdminUser.AnswerDialogAsync(first, "Save change");
        await Assertions.Expect(first.GetByText("Saved: +5 units. The stock is now 15.")).ToBeVisibleAsync();

        await second.GetByLabel("Units to add").FillAsync("-2");
        await second.GetByLabel("Reason").FillAsync("Two broken in the warehouse");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();
        await AdminUser.AnswerDialogAsync(second, "Save change");
        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("changed to 15 while you were editing; nothing was saved.");
        await Assertions.Expect(second.GetByTestId("shown-stock")).ToHaveTextAsync("15");
        await Assertions.Expect(second.GetByLabel("Units to add")).ToHaveValueAsync("-2");
        await Assertions.Expect(second.GetByLabel("Reason")).ToHaveValueAsync("Two broken in the warehouse");
        Assert.Equal(15, (await Shop.Domain.Get<CatalogService>().GetProductAsync(product.Id)).Value!.Stock);

        await second.GetByRole(AriaRole.Button, new() { Name = "Save change" }).ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Dialog)).ToContainTextAsync("15 → 13");
        await AdminUser.AnswerDialogAsync(second, "Save change");
        await Assertions.Expect(second.GetByText("Saved: -2 units. The stock is now 13.")).ToBeVisibleAsync();
        await Assertions.Expect(AdminUser.GridRows(second, "Stock history")).ToHaveCountAsync(3);
    });
}
