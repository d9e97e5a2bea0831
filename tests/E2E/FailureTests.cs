using System.Text.RegularExpressions;

namespace ECommerce.E2E;

/// <summary>What goes wrong on the way, and what the shopper is told and offered.</summary>
public sealed class FailureTests(ShopFixture shop) : BrowserTest(shop)
{
    /// <summary>A refusal on the page; MudBlazor's snackbars are alerts too, but they tell of success here.</summary>
    private static ILocator Alert(IPage page) => page.GetByRole(AriaRole.Alert).And(page.Locator(":not(.mud-snackbar)"));

    [Fact]
    public Task A_short_balance_names_the_shortfall_and_leads_to_charging_then_back_to_pay() => InBrowserAsync(async page =>
    {
        var filters = await Shop.Domain.AddProductAsync("Filters", 5_000, 50);
        await Shopper.RegisterAsync(page);
        await Shopper.AddToCartAsync(page, filters.Id, 2);
        await Shopper.PlaceOrderAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Pay ₩10,000" }).ClickAsync();

        await Assertions.Expect(Alert(page)).ToContainTextAsync("Your balance is ₩0 and this order costs ₩10,000: charge at least ₩10,000 more");
        await Alert(page).GetByRole(AriaRole.Link, new() { Name = "Charge ₩10,000" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Amount (₩)", new() { Exact = true })).ToHaveValueAsync("10000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Charge", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to order" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay ₩10,000" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paid" })).ToBeVisibleAsync();
        await Assertions.Expect(Shopper.HeaderBalance(page)).ToHaveTextAsync("₩0");
    });

    [Fact]
    public Task A_product_that_sold_out_after_ordering_is_named_when_paying() => InBrowserAsync(async page =>
    {
        var lantern = await Shop.Domain.AddProductAsync("Lantern", 20_000, 1);
        await Shopper.RegisterAsync(page);
        await Shopper.ChargeAsync(page, 50_000);
        await Shopper.AddToCartAsync(page, lantern.Id);
        await Shopper.PlaceOrderAsync(page);
        await Shop.Domain.SellOutAsync(lantern.Id);

        await page.GetByRole(AriaRole.Button, new() { Name = "Pay ₩20,000" }).ClickAsync();

        await Assertions.Expect(Alert(page)).ToContainTextAsync($"Not enough stock: \"{lantern.Name}\" is sold out.");
        await Shopper.GoToAsync(page, "wallet");
        await Assertions.Expect(page.GetByTestId("balance")).ToHaveTextAsync("₩50,000");
    });

    [Fact]
    public Task A_cart_line_that_sold_out_blocks_checkout_and_says_which() => InBrowserAsync(async page =>
    {
        var kettle = await Shop.Domain.AddProductAsync("Kettle", 30_000, 2);
        await Shopper.RegisterAsync(page);
        await Shopper.AddToCartAsync(page, kettle.Id, 2);
        await Shop.Domain.SellOutAsync(kettle.Id);

        await Shopper.GoToAsync(page, "cart");

        await Assertions.Expect(page.GetByText("Sold out: remove it to check out.")).ToBeVisibleAsync();
        await Assertions.Expect(Alert(page)).ToContainTextAsync($"\"{kettle.Name}\" is sold out");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Go to checkout" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {kettle.Name}" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your cart is empty.")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_coupon_that_sold_out_while_looking_is_explained_and_shown_sold_out() => InBrowserAsync(async page =>
    {
        var campaign = await Shop.Domain.AddCampaignAsync("Last one", quantity: 1);
        await Shopper.RegisterAsync(page);
        await Shopper.GoToAsync(page, "coupons");
        var card = page.GetByRole(AriaRole.Article).Filter(new() { HasText = campaign.Name });
        await Assertions.Expect(card.GetByTestId("remaining")).ToHaveTextAsync("1 of 1 left");
        await Shop.Domain.ClaimForSomeoneElseAsync(campaign.Id);

        await card.GetByRole(AriaRole.Button, new() { Name = $"Claim {campaign.Name}" }).ClickAsync();

        await Assertions.Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync($"All 1 coupons of \"{campaign.Name}\" have been claimed.");
        await Assertions.Expect(card.GetByTestId("remaining")).ToHaveTextAsync("0 of 1 left");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "Sold out" })).ToBeDisabledAsync();
    });

    [Fact]
    public Task Claiming_the_same_coupon_twice_from_two_tabs_is_refused_once_held() => InBrowserAsync(async page =>
    {
        var campaign = await Shop.Domain.AddCampaignAsync("Twice", quantity: 10);
        await Shopper.RegisterAsync(page);
        var otherTab = await page.Context.NewPageAsync();
        await Shopper.GoToAsync(page, "coupons");
        await Shopper.GoToAsync(otherTab, "coupons");
        var claim = new PageGetByRoleOptions { Name = $"Claim {campaign.Name}" };

        await page.GetByRole(AriaRole.Button, claim).ClickAsync();
        await Assertions.Expect(page.GetByText($"You claimed \"{campaign.Name}\"")).ToBeVisibleAsync();
        await otherTab.GetByRole(AriaRole.Button, claim).ClickAsync();

        var card = otherTab.GetByRole(AriaRole.Article).Filter(new() { HasText = campaign.Name });
        await Assertions.Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync($"You already hold a coupon of \"{campaign.Name}\".");
        await Assertions.Expect(card.GetByRole(AriaRole.Button, new() { Name = "You hold this coupon" })).ToBeDisabledAsync();
        await Assertions.Expect(card.GetByTestId("remaining")).ToHaveTextAsync("9 of 10 left");
    });

    [Fact]
    public Task Double_clicks_place_one_order_and_pay_it_once() => InBrowserAsync(async page =>
    {
        var tea = await Shop.Domain.AddProductAsync("Tea", 7_000, 10);
        await Shopper.RegisterAsync(page);
        await Shopper.ChargeAsync(page, 20_000);
        await Shopper.AddToCartAsync(page, tea.Id);
        await Shopper.GoToAsync(page, "checkout");

        await page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).DblClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pay ₩7,000" }).DblClickAsync();

        await Assertions.Expect(page.GetByTestId("new-balance")).ToHaveTextAsync("₩13,000");
        await Assertions.Expect(Alert(page)).ToHaveCountAsync(0);
        await Shopper.GoToAsync(page, "orders");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Order #" })).ToHaveCountAsync(1);
    });

    [Fact]
    public Task A_visitor_is_sent_to_sign_in_and_comes_back_to_the_same_page() => InBrowserAsync(async page =>
    {
        var email = await Shopper.RegisterAsync(page);
        await Shopper.SignOutAsync(page);
        var mug = await Shop.Domain.AddProductAsync("Mug", 9_000, 5);
        await Shopper.GoToAsync(page, $"products/{mug.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/Account/Login\?ReturnUrl=products%2F{mug.Id}$"));
        await Shopper.SubmitSignInAsync(page, email, Shopper.NewPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/products/{mug.Id}$"));
        await Shopper.WaitForInteractivityAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to cart" }).ClickAsync();
        await Assertions.Expect(Shopper.CartCount(page)).ToHaveTextAsync("1");
    });

    [Fact]
    public Task A_visitor_opening_a_shoppers_page_signs_in_first() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("orders");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Account/Login\?ReturnUrl=%2Forders$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Five_wrong_passwords_lock_the_account() => InBrowserAsync(async page =>
    {
        var email = await Shopper.RegisterAsync(page);
        await Shopper.SignOutAsync(page);
        await page.GotoAsync("Account/Login");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync("Wrong123!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = attempt < 5 ? "Sign in" : "Account locked" })).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many failed sign-ins");
    });
}
