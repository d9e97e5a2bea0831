using ECommerce.Domain.Administration;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;

namespace ECommerce.UI.Tests.Operations;

/// <summary>/metrics on real Kestrel over the real domain: the shop's counters move with what shoppers do, and only a local scraper reads them.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests(MetricsShop shop, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_claim_a_payment_a_charge_and_a_refusal_show_in_the_counters_with_their_outcome_and_reason()
    {
        var shopper = await shop.NewShopperAsync();
        var product = await shop.NewProductAsync();
        var campaign = await NewCampaignAsync();
        var before = await shop.ScrapeAsync();

        Assert.True((await shop.Get<WalletService>().ChargeAsync(shopper, 50_000, $"charge-{Guid.NewGuid():N}")).IsSuccess);
        Assert.True((await shop.Get<CouponService>().ClaimAsync(shopper, campaign)).IsSuccess);
        var again = await shop.Get<CouponService>().ClaimAsync(shopper, campaign);
        Assert.Equal(ErrorCode.CouponAlreadyHeld, again.Error?.Code);
        var order = await shop.Get<OrderService>().PlaceAsync(shopper, new PlaceOrder([new CartLine(product, 2)], null, Guid.NewGuid().ToString("N")));
        Assert.True((await shop.Get<OrderService>().PayAsync(shopper, order.Value!.Id)).IsSuccess);
        var after = await shop.ScrapeAsync();

        double Moved(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);
        Assert.Equal(1, Moved("shop_charges_total", ("outcome", "accepted")));
        Assert.Equal(0, Moved("shop_charges_total", ("outcome", "refused")));
        Assert.Equal(1, Moved("shop_claims_total", ("outcome", "accepted")));
        Assert.Equal(1, Moved("shop_claims_total", ("outcome", "refused")));
        Assert.Equal(1, Moved("shop_payments_total", ("outcome", "accepted")));
        Assert.Equal(1, Moved("shop_refusals_total", ("action", "claim"), ("reason", nameof(ErrorCode.CouponAlreadyHeld))));
        Assert.Equal(1, Moved("shop_refusals_total"));
        // Each of the five commands (a charge, two claims, a placement, a payment) went through a group commit of its own
        // here (nobody else was buying).
        Assert.Equal(5, Moved("shop_group_commit_batch_size_count"));
        Assert.Equal(5, Moved("shop_group_commit_batch_size_bucket", ("le", "1")));
        Assert.True(after.Has("shop_outbox_backlog"), after.Text);
        Assert.True(after.Has("shop_outbox_oldest_undelivered_age_seconds"), after.Text);
        Assert.True(after.Has("http_server_request_duration_seconds_count"), "ASP.NET Core's request metrics are scraped too");
    }

    [Fact]
    public async Task While_the_data_platform_is_down_the_outbox_gauges_show_the_undelivered_messages_and_their_age()
    {
        var shopper = await shop.NewShopperAsync();
        var product = await shop.NewProductAsync();
        Assert.True((await shop.Get<WalletService>().ChargeAsync(shopper, 50_000, $"charge-{Guid.NewGuid():N}")).IsSuccess);
        var order = await shop.Get<OrderService>().PlaceAsync(shopper, new PlaceOrder([new CartLine(product, 1)], null, Guid.NewGuid().ToString("N")));
        Assert.True((await shop.Get<OrderService>().PayAsync(shopper, order.Value!.Id)).IsSuccess);

        // The gauges read the outbox at most every 2 s: within 5 s they agree with the admin's own count.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        PrometheusText scrape;
        long undelivered;
        do
        {
            await Task.Delay(250);
            var counts = await shop.Get<OutboxMonitor>().CountAsync();
            undelivered = counts.Pending + counts.Failing;
            scrape = await shop.ScrapeAsync();
        }
        while (scrape.Sum("shop_outbox_backlog") != undelivered && DateTime.UtcNow < deadline);

        Assert.True(undelivered >= 1);
        Assert.Equal(undelivered, scrape.Sum("shop_outbox_backlog"));
        Assert.True(scrape.Sum("shop_outbox_oldest_undelivered_age_seconds") > 0, scrape.Text);
    }

    [Fact]
    public async Task A_request_through_a_proxy_is_not_a_scrape_and_gets_the_not_found_page()
    {
        using var client = shop.CreateClient();
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(forwarded);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("shop_claims_total", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_pages_are_rendered_the_scrape_stays_small_and_keeps_every_figure_the_operators_need()
    {
        var shopper = await shop.NewShopperAsync();
        var product = await shop.NewProductAsync();
        var campaign = await NewCampaignAsync();
        Assert.True((await shop.Get<WalletService>().ChargeAsync(shopper, 50_000, $"charge-{Guid.NewGuid():N}")).IsSuccess);
        Assert.True((await shop.Get<CouponService>().ClaimAsync(shopper, campaign)).IsSuccess);
        Assert.False((await shop.Get<CouponService>().ClaimAsync(shopper, campaign)).IsSuccess);
        var order = await shop.Get<OrderService>().PlaceAsync(shopper, new PlaceOrder([new CartLine(product, 1)], null, Guid.NewGuid().ToString("N")));
        Assert.True((await shop.Get<OrderService>().PayAsync(shopper, order.Value!.Id)).IsSuccess);
        using var client = shop.CreateClient();
        foreach (var page in new[] { "/", "/catalog", $"/products/{product}", "/coupons", "/catalog?keyword=ops" })
        {
            (await client.GetAsync(new Uri(page, UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var scrape = await shop.ScrapeAsync();
        output.WriteLine($"/metrics after the pages: {scrape.Text.Length:N0} characters");

        // Blazor's per-component-type timings are left out (ShopScrape); its navigation counter stays.
        Assert.False(scrape.Has("aspnetcore_components_update_parameters_duration_seconds_bucket"), "per component type parameter timings");
        Assert.DoesNotContain("aspnetcore_components_update_parameters", scrape.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("event_handler", scrape.Text, StringComparison.Ordinal);
        Assert.True(scrape.Has("aspnetcore_components_navigate_total"), "the pages' navigations are still counted");
        Assert.True(scrape.Text.Length < 100_000, $"the scrape is {scrape.Text.Length:N0} characters");
        string[] needed =
        [
            "http_server_request_duration_seconds_count", "shop_claims_total", "shop_payments_total",
            "shop_charges_total", "shop_refusals_total", "shop_group_commit_batch_size_bucket", "shop_outbox_backlog",
            "shop_outbox_oldest_undelivered_age_seconds",
        ];
        // (The circuits open, the unit of work's retries and busy answers show once one happens; ShopScrape drops
        // nothing of the shop's meter.)
        Assert.All(needed, name => Assert.True(scrape.Has(name), $"{name} is missing from the scrape"));
    }

    [Fact]
    public async Task The_benchmarks_memory_endpoint_is_off_unless_configured()
    {
        using var client = shop.CreateClient();

        using var response = await client.PostAsync(new Uri("/diagnostics/memory", UriKind.Relative), null);

        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("managedBytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<int> NewCampaignAsync()
    {
        var now = DateTime.UtcNow;
        var created = await shop.Get<CouponService>().CreateCampaignAsync(new NewCouponCampaign(
            $"M{Guid.NewGuid():N}"[..12].ToUpperInvariant(), "Metrics test", DiscountKind.FixedAmount, 1_000, null, 0, 10,
            now.AddMinutes(-1), now.AddHours(1), TimeSpan.FromDays(1)), "metrics tests");
        return created.Value!.Id;
    }
}
