using ECommerce.Domain.Catalog;

namespace ECommerce.E2E.Admin;

public sealed class StockHistoryTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task A_long_stock_history_is_read_a_page_at_a_time() => InBrowserAsync(async admin =>
    {
        var product = await Shop.Domain.AddProductAsync("E2E Busy shelf", 5_000, 0);
        for (var delivery = 1; delivery <= 12; delivery++)
        {
            Assert.True((await Shop.Domain.Get<InventoryService>().AdjustStockAsync(product.Id, 1, $"Delivery {delivery}", "e2e")).IsSuccess);
        }

        await AdminUser.SignInAsync(admin, $"admin/stock/{product.Id}");

        var history = AdminUser.GridRows(admin, "Stock history");
        await Assertions.Expect(history).ToHaveCountAsync(10);
        await Assertions.Expect(history.First).ToContainTextAsync("Delivery 12");
        await Assertions.Expect(admin.GetByText("1–10 of 13 changes")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(history).ToHaveCountAsync(3);
        await Assertions.Expect(history.Last).ToContainTextAsync("Opening stock");
    });
}
