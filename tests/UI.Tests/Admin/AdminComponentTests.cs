using ECommerce.Domain.Administration;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Orders;
using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class AdminComponentTests
{
    private static readonly DateTime Today = new(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);

    private static DashboardView Dashboard(IReadOnlyList<TopSeller> top, IReadOnlyList<LowStockProduct> low, int lowCount) =>
        new(Today, 1_234_000, 17, 3, top, 5, lowCount, low);

    [Fact]
    public async Task The_dashboard_shows_todays_figures_the_top_5_and_what_runs_out()
    {
        TopSeller[] top = [new(1, 7, "Cold Brew Bottle 1L", 18_000, 42, 120), new(2, 3, "Pour-over Dripper", 27_000, 9, 2)];
        LowStockProduct[] low = [new(12, "Sleeping Bag 3-season", 0), new(15, "Almond", 3)];

        var page = await ComponentRenderer.RenderAsync<DashboardFigures>(new Dictionary<string, object?> { ["View"] = Dashboard(top, low, 12) });

        Assert.Equal("₩1,234,000", page.QuerySelector("[data-figure=revenue]")!.TextContent);
        Assert.Equal("17", page.QuerySelector("[data-figure=paid-orders]")!.TextContent);
        Assert.Equal("3", page.QuerySelector("[data-figure=awaiting]")!.TextContent);
        Assert.Equal("admin/orders?status=AwaitingPayment", page.QuerySelector("[data-figure=awaiting]")!.GetAttribute("href"));
        Assert.Equal("12", page.QuerySelector("[data-figure=low-stock]")!.TextContent);
        Assert.Contains("2026-11-21 (UTC day)", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Cold Brew Bottle 1L", "Pour-over Dripper"],
            page.QuerySelectorAll("ol[aria-label='Top 5 best sellers'] li > span:first-child").Select(e => e.TextContent));
        var rows = page.QuerySelectorAll("table.low-stock tbody tr");
        Assert.Equal("admin/stock/12", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Sold out", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Only 3 left", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("admin/stock?low=true", page.QuerySelector("a[href='admin/stock?low=true']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_empty_dashboard_says_so_instead_of_showing_empty_lists()
    {
        var page = await ComponentRenderer.RenderAsync<DashboardFigures>(new Dictionary<string, object?> { ["View"] = Dashboard([], [], 0) });

        Assert.Contains("Nothing has sold in the last 3 days.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No product is running low.", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("table.low-stock"));
    }

    private static AdminOrderDetail PaidOrder(OrderDeliveryView? delivery) => new(
        new OrderView(42, "user-1", OrderStatus.Paid, Today.AddHours(9), Today.AddHours(9.25), Today.AddMinutes(546), null,
            31_000, 3_000, 28_000, new OrderCouponView(5, "WELCOME3000", "Welcome: ₩3,000 off", "₩3,000 off"),
            [new OrderLineView(7, "Cold Brew Bottle 1L", 18_000, 1, 18_000), new OrderLineView(9, "Paper Filters 100", 6_500, 2, 13_000)]),
        new OrderPaymentView(40, 28_000, Today.AddMinutes(546)),
        delivery);

    [Fact]
    public async Task An_order_shows_lines_at_frozen_prices_coupon_discount_payment_and_delivery()
    {
        var failing = new OrderDeliveryView(77, OutboxState.Failing, 3, Today.AddHours(10), null, "HttpRequestException: 503");

        var page = await ComponentRenderer.RenderAsync<OrderDetailPanel>(new Dictionary<string, object?>
        {
            ["Detail"] = PaidOrder(failing), ["ShopperEmail"] = "ann@example.com",
        });

        Assert.Equal("ann@example.com", page.QuerySelector("[data-testid=shopper]")!.TextContent);
        var lines = page.QuerySelectorAll("table.order-lines tbody tr");
        Assert.Equal(["Cold Brew Bottle 1L", "₩18,000", "1", "₩18,000"], lines[0].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal(["Paper Filters 100", "₩6,500", "2", "₩13,000"], lines[1].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Contains("coupon WELCOME3000", page.QuerySelector("[data-testid=coupon]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("−₩3,000", page.QuerySelector("table.order-lines tfoot")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("₩28,000", page.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.Contains("₩28,000 from the wallet at 2026-11-21 09:06 UTC", page.QuerySelector("[data-testid=payment]")!.TextContent, StringComparison.Ordinal);
        var delivery = page.QuerySelector("[data-testid=delivery]")!.TextContent;
        Assert.Contains("Failing", delivery, StringComparison.Ordinal);
        Assert.Contains("next attempt 2026-11-21 10:00 UTC", delivery, StringComparison.Ordinal);
        Assert.Contains("3 attempt(s)", delivery, StringComparison.Ordinal);
        Assert.Equal("Last error: HttpRequestException: 503", page.QuerySelector(".last-error")!.TextContent);
    }

    [Fact]
    public async Task An_unpaid_order_says_it_is_not_paid_and_has_nothing_to_deliver()
    {
        var detail = PaidOrder(null) with
        {
            Order = PaidOrder(null).Order with { Status = OrderStatus.AwaitingPayment, PaidAt = null, Coupon = null, Discount = 0 },
            Payment = null,
        };

        var page = await ComponentRenderer.RenderAsync<OrderDetailPanel>(new Dictionary<string, object?>
        {
            ["Detail"] = detail, ["ShopperEmail"] = "ann@example.com",
        });

        Assert.Equal("Not paid.", page.QuerySelector("[data-testid=payment]")!.TextContent);
        Assert.Contains("Nothing to send", page.QuerySelector("[data-testid=delivery]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Payment window closes", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=coupon]"));
    }

    [Fact]
    public async Task The_stock_form_shows_the_stock_it_will_expect_and_the_conflict_with_the_new_value()
    {
        var conflict = new ShopError(ErrorCode.StockChanged,
            "The stock of \"Almond\" changed to 7 while you were editing; nothing was saved.") { CurrentValue = 7 };

        var page = await ComponentRenderer.RenderAsync<StockAdjustForm>(new Dictionary<string, object?>
        {
            ["Stock"] = 7, ["Error"] = conflict, ["Submit"] = (Func<StockChange, Task<bool>>)(_ => Task.FromResult(false)),
        });

        Assert.Equal("7", page.QuerySelector("[data-testid=shown-stock]")!.TextContent);
        Assert.Equal(conflict.Message, page.QuerySelector("[role=alert] .message")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name=delta]"));
        Assert.NotNull(page.QuerySelector("input[name=reason]"));
    }

    [Fact]
    public async Task The_campaign_form_shows_each_refusal_under_its_own_field()
    {
        var refusal = ShopError.Invalid("Two problems.") with
        {
            FieldErrors = new Dictionary<string, string>
            {
                ["MaxDiscount"] = "A cap only applies to a percent discount; leave it empty for a fixed amount.",
                ["CouponValidFor"] = "Issued coupons stay valid for some time, at most 366 days.",
            },
        };

        var page = await ComponentRenderer.RenderAsync<CampaignForm>(new Dictionary<string, object?>
        {
            ["Input"] = new CampaignInput(), ["Error"] = refusal,
        });

        var messages = page.QuerySelectorAll(".field-error").ToDictionary(e => e.GetAttribute("data-field")!, e => e.TextContent);
        Assert.Equal(refusal.FieldErrors, messages);
        var capField = page.QuerySelector("[data-field=MaxDiscount]")!.Closest(".rz-form-field")!;
        Assert.NotNull(capField.QuerySelector("input[name=MaxDiscount]"));
        Assert.Null(page.QuerySelector(".error-notice")); // Field messages only, not the joined sentence as well.
    }

    [Fact]
    public async Task The_campaign_form_shows_a_refusal_without_fields_as_a_notice()
    {
        var page = await ComponentRenderer.RenderAsync<CampaignForm>(new Dictionary<string, object?>
        {
            ["Input"] = new CampaignInput(), ["Error"] = new ShopError(ErrorCode.NotAllowed, "This page is not for your account."),
        });

        Assert.Equal("This page is not for your account.", page.QuerySelector("[role=alert] .message")!.TextContent);
    }

    [Fact]
    public void The_campaign_input_becomes_the_domains_command_in_utc()
    {
        var input = CampaignInput.StartingAt(new DateTime(2026, 11, 21, 10, 42, 0, DateTimeKind.Utc));
        input.Code = "SPRING";
        input.DiscountKind = DiscountKind.Percent;
        input.DiscountValue = 10;
        input.TotalQuantity = 50;

        var command = input.ToCommand();

        Assert.Equal(new DateTime(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc), command.ClaimOpensAt);
        Assert.Equal(DateTimeKind.Utc, command.ClaimClosesAt.Kind);
        Assert.Equal(command.ClaimOpensAt.AddDays(7), command.ClaimClosesAt);
        Assert.Equal(TimeSpan.FromDays(30), command.CouponValidFor);
        Assert.Equal(("SPRING", "", 10L, 50, 0L), (command.Code, command.Name, command.DiscountValue, command.TotalQuantity, command.MinOrderAmount));
    }

    [Theory]
    [InlineData(0, 20, 1, 20)]
    [InlineData(40, 20, 3, 20)]
    [InlineData(null, null, 1, 20)]
    [InlineData(30, 10, 4, 10)]
    public void A_grid_request_becomes_a_page_number_and_size(int? skip, int? top, int page, int size) =>
        Assert.Equal((page, size), GridPaging.PageOf(new Radzen.LoadDataArgs { Skip = skip, Top = top }));

    [Fact]
    public void A_grid_sort_becomes_a_column_and_direction()
    {
        var sorted = new Radzen.LoadDataArgs { Sorts = [new Radzen.SortDescriptor { Property = "Total", SortOrder = Radzen.SortOrder.Descending }] };

        Assert.Equal(("Total", true), GridPaging.SortOf(sorted));
        Assert.Null(GridPaging.SortOf(new Radzen.LoadDataArgs()));
    }
}
