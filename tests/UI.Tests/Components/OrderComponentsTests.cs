using ECommerce.Domain.Orders;
using ECommerce.Storefront.Components.Pages.Orders;
using ECommerce.Storefront.Components.Widgets;

namespace ECommerce.UI.Tests.Components;

public sealed class OrderComponentsTests
{
    private static readonly DateTime Placed = new(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc);

    private static OrderView Order(OrderStatus status, OrderCouponView? coupon = null) => new(
        42, "someone", status, Placed, Placed.AddMinutes(15), status == OrderStatus.Paid ? Placed.AddMinutes(2) : null,
        status is OrderStatus.Cancelled or OrderStatus.Expired ? Placed.AddMinutes(5) : null, 54_000, coupon is null ? 0 : 3_000,
        coupon is null ? 54_000 : 51_000, coupon, [new OrderLineView(7, "Cold Brew Bottle 1L", 18_000, 3, 54_000)]);

    [Theory]
    [InlineData(OrderStatus.AwaitingPayment, "Awaiting payment")]
    [InlineData(OrderStatus.Paid, "Paid")]
    [InlineData(OrderStatus.Cancelled, "Cancelled")]
    [InlineData(OrderStatus.Expired, "Expired")]
    public async Task Each_status_has_a_badge_a_shopper_understands(OrderStatus status, string text)
    {
        var page = await ComponentRenderer.RenderAsync<OrderStatusBadge>(new Dictionary<string, object?> { ["Status"] = status });

        Assert.Equal(text, page.QuerySelector(".order-status")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_list_links_each_order_with_its_units_total_and_status()
    {
        OrderSummary[] orders = [new(42, OrderStatus.Paid, Placed, Placed.AddMinutes(15), 51_000, 3)];

        var page = await ComponentRenderer.RenderAsync<OrderList>(new Dictionary<string, object?> { ["Orders"] = orders });

        var cells = page.QuerySelectorAll("tbody td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["Order #42", "2026-11-21 09:30 UTC", "3", "₩51,000", "Paid"], cells);
        Assert.Equal("orders/42", page.QuerySelector("tbody a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Lines_and_totals_show_frozen_prices_and_the_coupon()
    {
        var order = Order(OrderStatus.Paid, new OrderCouponView(9, "WELCOME3000", "Welcome: ₩3,000 off", "₩3,000 off"));

        var lines = await ComponentRenderer.RenderAsync<OrderLines>(new Dictionary<string, object?> { ["Lines"] = order.Lines });
        var totals = await ComponentRenderer.RenderAsync<OrderTotals>(new Dictionary<string, object?>
        {
            ["Subtotal"] = order.Subtotal, ["Discount"] = order.Discount, ["CouponName"] = order.Coupon!.CampaignName,
        });

        Assert.Equal(["Cold Brew Bottle 1L", "₩18,000", "3", "₩54,000"], lines.QuerySelectorAll("tbody td").Select(c => c.TextContent.Trim()));
        Assert.Equal("Coupon: Welcome: ₩3,000 off", totals.QuerySelectorAll("dt")[1].TextContent);
        Assert.Equal("−₩3,000", totals.QuerySelector("[data-testid=discount]")!.TextContent);
        Assert.Equal("₩51,000", totals.QuerySelector("[data-testid=total]")!.TextContent);
    }

    [Theory]
    [InlineData(OrderStatus.Paid, "₩54,000 was paid from your balance on 2026-11-21 09:32 UTC.")]
    [InlineData(OrderStatus.Cancelled, "You cancelled this order on 2026-11-21 09:35 UTC. Nothing was charged.")]
    [InlineData(OrderStatus.Expired, "The payment window closed at 2026-11-21 09:45 UTC. Nothing was charged.")]
    public async Task A_closed_order_says_what_became_of_it(OrderStatus status, string sentence)
    {
        var page = await ComponentRenderer.RenderAsync<OrderOutcome>(new Dictionary<string, object?> { ["Order"] = Order(status) });

        Assert.Equal(sentence, page.QuerySelector("p")!.TextContent);
    }
}
