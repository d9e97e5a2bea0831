using System.Globalization;
using ECommerce.Domain.Wallets;
using Microsoft.Data.Sqlite;

namespace ECommerce.E2E.Security;

/// <summary>Signing out in one tab ends the session in the others: their next action is refused and they go to sign in.</summary>
public sealed class SignOutEverywhereTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task A_charge_from_another_tab_after_signing_out_is_refused_and_that_tab_goes_to_sign_in() => InBrowserAsync(async first =>
    {
        var email = await Shopper.RegisterAsync(first);
        await Shopper.ChargeAsync(first, 10_000);
        var second = await first.Context.NewPageAsync();
        await Shopper.GoToAsync(second, "wallet");

        await Shopper.SignOutAsync(first);
        try
        {
            await second.GetByLabel("Amount (₩)", new() { Exact = true }).FillAsync("5000", new() { Timeout = 3_000 });
            await second.GetByRole(AriaRole.Button, new() { Name = "Charge", Exact = true }).DispatchEventAsync("click", null, new() { Timeout = 3_000 });
        }
        catch (TimeoutException) when (second.Url.Contains("Account/Login", StringComparison.Ordinal))
        {
            // The circuit's own revalidation (every 5 s) was quicker than the click and has already ended the tab.
        }

        await second.WaitForURLAsync(url => url.Contains("Account/Login", StringComparison.Ordinal), new() { Timeout = 10_000 });
        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal(10_000, await Shop.Domain.Get<WalletService>().GetBalanceAsync(await ShopperIdAsync(email)));
    });

    [Fact]
    public Task An_idle_tab_on_a_shopper_page_is_sent_to_sign_in_within_seconds_of_signing_out() => InBrowserAsync(async first =>
    {
        await Shopper.RegisterAsync(first);
        var second = await first.Context.NewPageAsync();
        await Shopper.GoToAsync(second, "orders");

        await Shopper.SignOutAsync(first);

        // Nobody touches the second tab: the circuit's own revalidation (every 5 s) ends it.
        await second.WaitForURLAsync(url => url.Contains("Account/Login", StringComparison.Ordinal), new() { Timeout = 15_000 });
    });

    private async Task<string> ShopperIdAsync(string email)
    {
        await using var connection = new SqliteConnection($"Data Source={Shop.App.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = $email";
        command.Parameters.AddWithValue("$email", email.ToUpper(CultureInfo.InvariantCulture));
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
