using Bunit;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Components.Pages.Admin;
using ECommerce.Storefront.Operations;

namespace ECommerce.UI.Tests.Admin;

public sealed class OperationsPageTests(AdminShop shop) : AdminPageTest(shop)
{
    [Fact]
    public async Task The_page_follows_charges_and_refusals_as_they_happen_without_a_reload()
    {
        var page = RenderPage<AdminOperations>();
        page.WaitForElement("[data-figure=charges-rate]");
        Assert.Contains("Nothing has been refused since this instance started.", page.Markup, StringComparison.Ordinal);
        Assert.Equal("0", page.Find("[data-figure=circuits]").TextContent);

        var wallets = Get<WalletService>();
        Assert.True((await wallets.ChargeAsync(Shop.AdminId, 1_000, $"ops-{Guid.NewGuid():N}")).IsSuccess);
        Assert.Equal(ErrorCode.ChargeNotPositive, (await wallets.ChargeAsync(Shop.AdminId, 0, $"ops-{Guid.NewGuid():N}")).Error?.Code);

        // The next refresh (every second) shows the charge as a rate, its total, and the refusal under its reason.
        page.WaitForAssertion(() => Assert.NotEqual("0.0", page.Find("[data-figure=charges-rate]").TextContent), TimeSpan.FromSeconds(5));
        Assert.Contains("1 wallet charges, 1 refused", page.Markup, StringComparison.Ordinal);
        var reasons = page.FindAll("[aria-label='Refusals by reason'] tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal([$"{nameof(ErrorCode.ChargeNotPositive)}1"], reasons);
    }

    [Fact]
    public void The_rates_are_the_change_between_two_readings_per_second()
    {
        var before = Get<ECommerce.Domain.Diagnostics.ShopMetrics>().Read();
        var after = before with
        {
            Accepted = new Dictionary<ECommerce.Domain.Diagnostics.ShopAction, long> { [ECommerce.Domain.Diagnostics.ShopAction.Payment] = 30 },
            Retries = before.Retries + 4,
        };
        var outbox = new ECommerce.Domain.Diagnostics.OutboxLag(3, TimeSpan.FromSeconds(42), DateTimeOffset.UtcNow);

        var view = OperationsView.Between(before, after, TimeSpan.FromSeconds(2), outbox, circuits: 7);

        Assert.Equal(15, view.AcceptedPerSecond[ECommerce.Domain.Diagnostics.ShopAction.Payment]);
        Assert.Equal(2, view.RetriesPerSecond);
        var figures = Render<OperationsFigures>(p => p.Add(x => x.View, view));
        Assert.Equal("15.0", figures.Find("[data-figure=payments-rate]").TextContent);
        Assert.Equal("3", figures.Find("[data-figure=outbox-backlog]").TextContent);
        Assert.Equal("42 s", figures.Find("[data-figure=outbox-lag]").TextContent);
        Assert.Equal("7", figures.Find("[data-figure=circuits]").TextContent);
    }
}
