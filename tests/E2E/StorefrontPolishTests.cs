using System.Text.RegularExpressions;

namespace ECommerce.E2E;

/// <summary>What the move to MudBlazor promised a shopper: nothing fetched from elsewhere, honest number boxes, real 404s.</summary>
public sealed class StorefrontPolishTests(ShopFixture shop) : BrowserTest(shop)
{
    private static readonly string[] Missing = ["products/999999", "orders/999999"];
    private static readonly int[] Widths = [390, 1280];

    [Fact]
    public Task No_page_asks_anything_of_a_host_but_the_shop() => InBrowserAsync(async page =>
    {
        var asked = new List<string>();
        page.Request += (_, request) => asked.Add(request.Url);
        page.WebSocket += (_, socket) => asked.Add(socket.Url);
        var mug = await Shop.Domain.AddProductAsync("Celadon Mug", 9_000, 5);

        await page.GotoAsync("Account/Login");
        await Shopper.RegisterAsync(page);
        foreach (var path in new[] { "", "catalog", "catalog?q=coffee", $"products/{mug.Id}", "coupons", "cart", "checkout", "orders", "wallet", "no-such-page" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.NotEmpty(asked);
        Assert.All(asked, url => Assert.Equal(Shop.App.BaseAddress.Authority, new Uri(url).Authority));
        Assert.Contains(asked, url => url.StartsWith("ws://", StringComparison.Ordinal));
    });

    [Fact]
    public Task The_theme_switch_repaints_the_page_dark_and_back() => InBrowserAsync(async page =>
    {
        // Both palettes are in shop-theme.css; the switch's marker picks the dark one for the whole page (body included).
        var body = page.Locator("body");
        await Shopper.GoToAsync(page, "catalog");
        await Assertions.Expect(body).ToHaveCSSAsync("background-color", "rgb(246, 244, 239)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }).ClickAsync();
        await Assertions.Expect(body).ToHaveCSSAsync("background-color", "rgb(15, 19, 26)");
        await Assertions.Expect(body).ToHaveCSSAsync("color", "rgb(231, 233, 238)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Light theme" }).ClickAsync();
        await Assertions.Expect(body).ToHaveCSSAsync("background-color", "rgb(246, 244, 239)");
    });

    [Fact]
    public Task A_product_or_order_that_does_not_exist_answers_404_with_the_friendly_page() => InBrowserAsync(async page =>
    {
        await Shopper.RegisterAsync(page);

        foreach (var path in Missing)
        {
            var response = await page.GotoAsync(path);

            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Level = 1 })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Browse the catalog" })).ToBeVisibleAsync();
        }
    });

    [Fact]
    public Task A_number_box_refuses_what_is_not_a_whole_number_and_names_the_limit() => InBrowserAsync(async page =>
    {
        await Shopper.RegisterAsync(page);
        await Shopper.GoToAsync(page, "wallet");
        var amount = page.GetByLabel("Amount (₩)", new() { Exact = true });
        var charge = page.GetByRole(AriaRole.Button, new() { Name = "Charge", Exact = true });

        await amount.FillAsync("1e3");
        await charge.ClickAsync();
        await Assertions.Expect(page.GetByText("Type an amount in whole digits, like 25000: \"1e3\" is not one.")).ToBeVisibleAsync();
        await Assertions.Expect(amount).ToHaveValueAsync("1e3");

        await amount.FillAsync("99999999999999999999");
        await charge.ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("₩1,000,000"))).ToBeVisibleAsync();

        await amount.FillAsync("0");
        await charge.ClickAsync();
        await Assertions.Expect(page.GetByText("Enter an amount of at least ₩1.")).ToBeVisibleAsync();

        await Assertions.Expect(Shopper.HeaderBalance(page)).ToHaveTextAsync("₩0");
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("₩0");
    });

    [Fact]
    public Task A_long_search_and_a_long_name_wrap_at_phone_and_desktop_widths() => InBrowserAsync(async page =>
    {
        var longName = (await Shop.Domain.AddProductAsync(
            "Extraordinarily-long-handcrafted-celadon-glazed-stoneware-teapot-with-bamboo-handle", 45_000, 5)).Name;
        var phrase = string.Concat(Enumerable.Repeat("verylongsearchwordwithoutspaces", 3));

        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await Shopper.GoToAsync(page, $"catalog?q={phrase}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(phrase);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), $"The search page scrolls sideways at {width} px.");

            await Shopper.GoToAsync(page, "catalog?q=extraordinarily");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = longName })).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), $"The catalog scrolls sideways at {width} px.");
        }
    });

    [Fact]
    public Task A_signed_in_shopper_s_header_fits_a_phone_with_every_control_whole() => InBrowserAsync(async page =>
    {
        await page.SetViewportSizeAsync(390, 844);
        await Shopper.RegisterAsync(page);
        await Shopper.ChargeAsync(page, 1_000_000);
        await Shopper.GoToAsync(page, "catalog");

        var header = page.Locator("header");
        foreach (var control in new[]
        {
            header.GetByRole(AriaRole.Button, new() { Name = "Menu" }),
            Shopper.HeaderBalance(page),
            header.GetByRole(AriaRole.Link, new() { Name = "Cart" }),
            header.GetByRole(AriaRole.Button, new() { Name = "Sign out" }),
            header.GetByRole(AriaRole.Button, new() { Name = "Dark theme" }),
        })
        {
            var box = await control.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"{control} spans {box.X:0}..{box.X + box.Width:0} px of a 390 px screen.");
        }
    });
}
