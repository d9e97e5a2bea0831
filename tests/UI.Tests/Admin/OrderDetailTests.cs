using Bunit;
using ECommerce.Domain.Administration;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;
using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class OrderDetailTests(AdminShop shop) : AdminPageTest(shop)
{
    private static readonly DateTime Today = new(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_seeded_order_shows_its_shoppers_email_lines_payment_and_delivery()
    {
        var newest = (await Get<OrderSearch>().SearchAsync(new AdminOrderQuery(OrderStatus.Paid, PageSize: 1))).Value!.Items[0];

        var page = RenderPage<AdminOrder>(p => p.Add(x => x.Id, newest.Id));

        page.WaitForAssertion(() => Assert.EndsWith("@example.com", page.Find("[data-testid=shopper]").TextContent, StringComparison.Ordinal));
        Assert.Equal(Money.Format(newest.Total), page.Find("[data-testid=total]").TextContent);
        Assert.Contains("from the wallet", page.Find("[data-testid=payment]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Outbox message #", page.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll(".order-lines tbody tr"));
    }

    [Fact]
    public void An_order_that_does_not_exist_says_so_with_a_way_to_try_again()
    {
        var page = RenderPage<AdminOrder>(p => p.Add(x => x.Id, 987_654));

        page.WaitForAssertion(() => Assert.Contains("987654", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("admin/orders/987654", page.Find("[role=alert] a").GetAttribute("href"));
    }

    private static AdminOrderDetail PaidOrder(OrderDeliveryView? delivery) => new(
        new OrderView(42, "user-1", OrderStatus.Paid, Today.AddHours(9), Today.AddHours(9.25), Today.AddMinutes(546), null,
            31_000, 3_000, 28_000, new OrderCouponView(5, "WELCOME3000", "Welcome: ₩3,000 off", "₩3,000 off"),
            [new OrderLineView(7, "Cold Brew Bottle 1L", 18_000, 1, 18_000), new OrderLineView(9, "Paper Filters 100", 6_500, 2, 13_000)]),
        new OrderPaymentView(40, 28_000, Today.AddMinutes(546)),
        delivery);

    [Fact]
    public void An_order_shows_lines_at_frozen_prices_coupon_discount_payment_and_a_failing_delivery()
    {
        var failing = new OrderDeliveryView(77, OutboxState.Failing, 3, Today.AddHours(10), null, "HttpRequestException: 503");

        var panel = Render<OrderDetailPanel>(p => p.Add(x => x.Detail, PaidOrder(failing)).Add(x => x.ShopperEmail, "ann@example.com"));

        Assert.Equal("ann@example.com", panel.Find("[data-testid=shopper]").TextContent);
        var lines = panel.FindAll(".order-lines tbody tr");
        Assert.Equal(["Cold Brew Bottle 1L", "₩18,000", "1", "₩18,000"], lines[0].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal(["Paper Filters 100", "₩6,500", "2", "₩13,000"], lines[1].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Contains("coupon WELCOME3000", panel.Find("[data-testid=coupon]").TextContent, StringComparison.Ordinal);
        Assert.Contains("−₩3,000", panel.Find(".order-lines tfoot").TextContent, StringComparison.Ordinal);
        Assert.Equal("₩28,000", panel.Find("[data-testid=total]").TextContent);
        Assert.Contains("₩28,000 from the wallet at 2026-11-21 09:06 UTC", panel.Find("[data-testid=payment]").TextContent, StringComparison.Ordinal);
        var delivery = panel.Find("[data-testid=delivery]").TextContent;
        Assert.Contains("Failing", delivery, StringComparison.Ordinal);
        Assert.Contains("next attempt 2026-11-21 10:00 UTC", delivery, StringComparison.Ordinal);
        Assert.Contains("3 attempt(s)", delivery, StringComparison.Ordinal);
        Assert.Equal("Last error: HttpRequestException: 503", panel.Find(".last-error").TextContent);
    }

    [Fact]
    public void An_unpaid_order_says_it_is_not_paid_and_has_nothing_to_deliver()
    {
        var detail = PaidOrder(null) with
        {
            Order = PaidOrder(null).Order with { Status = OrderStatus.AwaitingPayment, PaidAt = null, Coupon = null, Discount = 0 },
            Payment = null,
        };

        var panel = Render<OrderDetailPanel>(p => p.Add(x => x.Detail, detail).Add(x => x.ShopperEmail, "ann@example.com"));

        Assert.Equal("Not paid.", panel.Find("[data-testid=payment]").TextContent);
        Assert.Contains("Nothing to send", panel.Find("[data-testid=delivery]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Payment window closes", panel.Markup, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=coupon]"));
    }
}
