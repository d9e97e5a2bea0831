using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Components.Pages.Wallet;

namespace ECommerce.UI.Tests.Components;

public sealed class WalletComponentsTests
{
    [Fact]
    public async Task The_ledger_signs_amounts_and_links_payments_to_their_orders()
    {
        var at = new DateTime(2026, 11, 21, 9, 0, 0, DateTimeKind.Utc);
        LedgerEntryView[] entries =
        [
            new(2, LedgerEntryKind.Payment, -36_000, 464_000, at.AddHours(1), 38),
            new(1, LedgerEntryKind.Charge, 500_000, 500_000, at, null),
        ];

        var page = await ComponentRenderer.RenderAsync<LedgerTable>(new Dictionary<string, object?>
        {
            ["Page"] = new Page<LedgerEntryView>(entries, 1, 20, 2),
        });

        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal(["2026-11-21 10:00 UTC", "Payment for order #38", "−₩36,000", "₩464,000"], rows[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        Assert.Equal("orders/38", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("+₩500,000", rows[1].QuerySelector(".plus")!.TextContent);
    }

    [Fact]
    public async Task An_empty_ledger_says_what_will_appear()
    {
        var page = await ComponentRenderer.RenderAsync<LedgerTable>(new Dictionary<string, object?>
        {
            ["Page"] = new Page<LedgerEntryView>([], 1, 20, 0),
        });

        Assert.Null(page.QuerySelector("table"));
        Assert.Contains("Your first charge will show here.", page.QuerySelector(".state-empty")!.TextContent, StringComparison.Ordinal);
    }
}
