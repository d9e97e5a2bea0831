using Bunit;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Components.Pages.Wallet;

namespace ECommerce.UI.Tests.Shopper;

/// <summary>Charging the wallet: what was typed is charged, or refused under the box with the limit, and nothing changes.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class WalletTests(StorefrontFactory shop) : ShopContext(shop)
{
    private async Task<(string Shopper, IRenderedComponent<ChargeForm> Form)> ChargeFormAsync()
    {
        var shopper = await SignInNewShopperAsync();
        var form = RenderInShop<ChargeForm>(p => p
            .Add(f => f.ShopperId, shopper)
            .Add(f => f.Limits, new WalletOptions()));
        return (shopper, form);
    }

    [Fact]
    public async Task A_typed_amount_is_charged_and_the_receipt_and_a_snackbar_say_so()
    {
        var (shopper, form) = await ChargeFormAsync();

        form.Type("Amount (₩)", "25,000");
        form.Press("Charge");

        form.WaitForAssertion(() => Assert.Contains("Charged ₩25,000.", form.Find(".charge-receipt").TextContent, StringComparison.Ordinal));
        Assert.Equal(25_000, await Shop.Get<WalletService>().GetBalanceAsync(shopper));
        Assert.Contains("Charged ₩25,000.", Snackbars());
    }

    [Theory]
    [InlineData("1e3", "Type an amount in whole digits, like 25000: \"1e3\" is not one.")]
    [InlineData("12.5", "Type an amount in whole digits, like 25000: \"12.5\" is not one.")]
    [InlineData("", "Type an amount.")]
    [InlineData("0", "Enter an amount of at least ₩1.")]
    [InlineData("-5000", "Enter an amount of at least ₩1.")]
    public async Task A_refused_amount_is_explained_under_the_box_and_charges_nothing(string typed, string message)
    {
        var (shopper, form) = await ChargeFormAsync();

        form.Type("Amount (₩)", typed);
        form.Press("Charge");

        form.WaitForAssertion(() => Assert.Equal(message, form.MessageUnder("Amount (₩)")));
        Assert.Equal(typed, form.Field("Amount (₩)").GetAttribute("value") ?? "");
        Assert.Equal(0, await Shop.Get<WalletService>().GetBalanceAsync(shopper));
        Assert.Empty(Snackbars());
    }

    [Theory]
    [InlineData("1000001")]
    [InlineData("99999999999999999999999")]
    public async Task An_amount_past_the_limit_names_the_real_limit(string typed)
    {
        var (shopper, form) = await ChargeFormAsync();

        form.Type("Amount (₩)", typed);
        form.Press("Charge");

        form.WaitForAssertion(() => Assert.Contains("₩1,000,000", form.MessageUnder("Amount (₩)"), StringComparison.Ordinal));
        Assert.Equal(0, await Shop.Get<WalletService>().GetBalanceAsync(shopper));
    }

    [Fact]
    public async Task A_preset_fills_the_box_and_another_charge_starts_empty()
    {
        var (shopper, form) = await ChargeFormAsync();

        form.Press("₩50,000");
        Assert.Equal("50000", form.Field("Amount (₩)").GetAttribute("value"));
        form.Press("Charge");
        form.WaitForAssertion(() => Assert.True(form.HasButton("Make another charge")));
        form.WaitForAssertion(() => Assert.Equal(50_000, Shop.Get<WalletService>().GetBalanceAsync(shopper).GetAwaiter().GetResult()));
        form.Press("Make another charge");

        form.WaitForAssertion(() => Assert.Equal("", form.Field("Amount (₩)").GetAttribute("value") ?? ""));
        Assert.Equal(50_000, await Shop.Get<WalletService>().GetBalanceAsync(shopper));
    }

    [Fact]
    public async Task The_wallet_page_shows_the_balance_and_adds_a_charge_to_the_history()
    {
        await SignInNewShopperAsync();
        var page = RenderInShop<WalletPage>();
        page.WaitForAssertion(() => Assert.Equal("₩0", page.Find("[data-testid=balance]").TextContent));
        Assert.Contains("No charges or payments yet.", page.Markup, StringComparison.Ordinal);

        page.Type("Amount (₩)", "70000");
        page.Press("Charge");

        page.WaitForAssertion(() => Assert.Equal("₩70,000", page.Find("[data-testid=balance]").TextContent));
        var row = page.Find(".ledger tbody tr");
        Assert.Contains("+₩70,000", row.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("UTC", row.QuerySelector("td")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_with_an_amount_fills_the_box_as_it_came()
    {
        await SignInNewShopperAsync();
        Navigation.NavigateTo("wallet?amount=12000&order=5");
        var page = RenderInShop<WalletPage>();

        page.WaitForAssertion(() => Assert.Equal("12000", page.Field("Amount (₩)").GetAttribute("value")));
        page.Press("Charge");

        page.WaitForAssertion(() => Assert.Contains("Back to order #5 to pay for it", page.Markup, StringComparison.Ordinal));
    }
}
