using ECommerce.Domain.Catalog;

namespace ECommerce.E2E.Admin;

/// <summary>A long name or reason wraps inside the admin pages on a phone and on a laptop; nothing runs off the page.</summary>
public sealed class LongTextTests(ShopFixture shop) : BrowserTest(shop)
{
    private const string LongWord = "Hand-thrown-stoneware-teapot-with-bamboo-handle-and-matching-cups";

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public Task A_long_product_name_and_reason_wrap_on_the_admins_pages(int width) => InBrowserAsync(async admin =>
    {
        var product = await Shop.Domain.AddProductAsync($"E2E {LongWord} {LongWord}", 45_000, 3);
        Assert.True((await Shop.Domain.Get<InventoryService>().AdjustStockAsync(product.Id, 1,
            $"Found behind the {LongWord}{LongWord} shelf during the yearly count", "e2e")).IsSuccess);
        await admin.SetViewportSizeAsync(width, 900);

        await AdminUser.SignInAsync(admin, $"admin/stock/{product.Id}");
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock history").First).ToContainTextAsync("yearly count");
        await AssertNothingRunsOffAsync(admin, width);

        await AdminUser.GoToAsync(admin, "Stock");
        await admin.GetByLabel("Product name").FillAsync(LongWord);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(AdminUser.GridRows(admin, "Stock").Filter(new() { HasText = product.Name })).ToHaveCountAsync(1);
        await AssertNothingRunsOffAsync(admin, width);

        await AdminUser.GoToAsync(admin, "Activity");
        await Assertions.Expect(AdminUser.GridRows(admin, "Admin activity").First).ToBeVisibleAsync();
        await AssertNothingRunsOffAsync(admin, width);
        if (width < 600)
        {
            await Screenshots.TakeAsync(admin, "admin-activity-phone", fullPage: false);
        }
    });

    /// <summary>The page is no wider than the screen: a grid too wide for a phone scrolls inside its own box.</summary>
    private static async Task AssertNothingRunsOffAsync(IPage page, int width) =>
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width,
            $"{page.Url} is wider than {width} px.");
}
