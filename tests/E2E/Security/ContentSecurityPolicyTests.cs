namespace ECommerce.E2E.Security;

/// <summary>
/// Every page works under the shop's Content-Security-Policy: the browser reports no violation, no script error,
/// the interactive pages come alive (Blazor's script, its import map and the circuit's WebSocket all allowed), and
/// every response the browser received carries nosniff and no Server header.
/// </summary>
public sealed class ContentSecurityPolicyTests(ShopFixture shop) : BrowserTest(shop)
{
    private static readonly string[] InteractivePages =
    [
        "", "catalog", "catalog?q=tea", "products/1", "coupons", "cart", "checkout", "orders", "wallet",
        "admin", "admin/orders", "admin/stock", "admin/stock/1", "admin/coupons", "admin/data-platform", "admin/activity",
    ];

    private static readonly string[] StaticPages = ["Account/Login", "Account/Register"];

    [Fact]
    public Task Every_page_works_under_the_policy_without_a_violation() => InBrowserAsync(async page =>
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");
        page.Response += (_, response) =>
        {
            var headers = response.Headers;
            if (response.Url.StartsWith(Shop.App.BaseAddress.ToString(), StringComparison.Ordinal)
                && (!headers.TryGetValue("x-content-type-options", out var sniff) || sniff != "nosniff" || headers.ContainsKey("server")))
            {
                problems.Add($"{response.Url}: security headers missing ({string.Join(", ", headers.Keys)})");
            }
        };

        foreach (var url in StaticPages)
        {
            await page.GotoAsync(url);
        }

        await Shopper.SignInAsync(page, AdminUser.Email, AdminUser.Password);
        foreach (var url in InteractivePages)
        {
            await Shopper.GoToAsync(page, url);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    });
}
