namespace ECommerce.E2E.Admin;

public sealed class CampaignTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task An_admin_creates_a_campaign_and_a_shopper_claims_it() => InBrowserAsync(async admin =>
    {
        var code = $"E2E{Random.Shared.Next(100_000, 999_999)}";
        var name = $"E2E gift {code}";
        await AdminUser.SignInAsync(admin, "admin/coupons");
        await admin.GetByLabel("Code").FillAsync(code);
        await admin.GetByLabel("Name shoppers see").FillAsync(name);
        await admin.GetByLabel("Discount (₩)").FillAsync("2000");
        await admin.GetByLabel("Cap (₩, percent only)").FillAsync("500");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();

        await AdminUser.AnswerDialogAsync(admin, "Create");

        // The domain's rules, shown under their fields; nothing was created.
        await Assertions.Expect(admin.GetByText("A cap only applies to a percent discount")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByText("A campaign issues between 1 and")).ToBeVisibleAsync();
        await Assertions.Expect(AdminUser.GridRows(admin, "Campaigns").Filter(new() { HasText = code })).ToHaveCountAsync(0);

        await admin.GetByLabel("Cap (₩, percent only)").FillAsync("");
        await admin.GetByLabel("Coupons to issue").FillAsync("10");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Dialog)).ToContainTextAsync($"{code} issues 10 coupons");
        await AdminUser.AnswerDialogAsync(admin, "Create");
        await Assertions.Expect(admin.GetByText($"Campaign {code} created: 10 coupons")).ToBeVisibleAsync();
        var row = AdminUser.GridRows(admin, "Campaigns").Filter(new() { HasText = code });
        await Assertions.Expect(row.Locator("[data-figure='issued']")).ToHaveTextAsync("0");

        // A new shopper, in a browser of their own, finds it on the home page and claims it.
        await using var shopperContext = await NewContextAsync();
        var shopper = await shopperContext.NewPageAsync();
        await Shopper.RegisterAsync(shopper);
        await Shopper.GoToAsync(shopper, "");
        await Assertions.Expect(shopper.Locator(".coupon-teaser")).ToContainTextAsync(name);
        await Shopper.ClaimCouponAsync(shopper, name);
        await Assertions.Expect(shopper.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Valid");

        await admin.ReloadAsync();
        await Assertions.Expect(row.Locator("[data-figure='issued']")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("[data-figure='remaining']")).ToHaveTextAsync("9");
        await AdminUser.GoToAsync(admin, "Activity");
        await Assertions.Expect(AdminUser.GridRows(admin, "Admin activity").Filter(new() { HasText = $"Campaign {code}" }))
            .ToContainTextAsync(AdminUser.Email);
    });
}
