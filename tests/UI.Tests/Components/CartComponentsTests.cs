using ECommerce.Domain.Coupons;
using ECommerce.Storefront.Components.Pages.Cart;
using ECommerce.Storefront.ShoppingCart;

namespace ECommerce.UI.Tests.Components;

public sealed class CartComponentsTests
{
    private static readonly CartLineView Kettle = new(7, "Gooseneck Kettle 1L", "Coffee & Tea", 49_000, 2, 45);
    private static readonly CartLineView Dripper = new(8, "Pour-over Dripper", "Coffee & Tea", 27_000, 3, 1) { Shortage = 2 };

    private static MyCoupon Coupon(int id, string name, long minOrder) => new(
        id, 1, "CODE", name, "₩3,000 off", minOrder, DateTime.UtcNow, DateTime.UtcNow.AddDays(30), CouponState.Valid, null);

    private static Dictionary<string, object?> With(string name, object? value) => new() { [name] = value };

    [Fact]
    public async Task Lines_show_unit_price_quantity_line_total_and_a_warning_when_stock_is_short()
    {
        var page = await ComponentRenderer.RenderAsync<CartLines>(new Dictionary<string, object?>
        {
            ["Lines"] = new[] { Kettle, Dripper },
        });

        var rows = page.QuerySelectorAll("li");
        Assert.Equal(["Gooseneck Kettle 1L", "Pour-over Dripper"], rows.Select(r => r.QuerySelector(".name")!.TextContent));
        Assert.Equal(["₩98,000", "₩81,000"], rows.Select(r => r.QuerySelector(".line-total")!.TextContent));
        Assert.Equal("₩49,000 each", rows[0].QuerySelector(".muted")!.TextContent);
        Assert.Equal("2", rows[0].QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal("Quantity of Gooseneck Kettle 1L", rows[0].QuerySelector("label")!.TextContent);
        Assert.Null(rows[0].QuerySelector(".warning"));
        Assert.Equal("Only 1 left: lower the quantity to check out.", rows[1].QuerySelector(".warning")!.TextContent.Trim());
        Assert.Equal("Remove Pour-over Dripper", rows[1].QuerySelector("button[aria-label^=Remove]")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_summary_shows_the_discount_and_total_and_lets_the_shopper_check_out()
    {
        var cart = new CartView([Kettle], 98_000, [Coupon(5, "Welcome", 20_000)], 5, 3_000, 95_000, null, null);

        var page = await ComponentRenderer.RenderAsync<CartSummary>(With("Cart", cart));

        Assert.Equal("₩98,000", page.QuerySelector("[data-testid=subtotal]")!.TextContent);
        Assert.Equal("−₩3,000", page.QuerySelector("[data-testid=discount]")!.TextContent);
        Assert.Equal("₩95,000", page.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.Contains("Subtotal (2 units)", page.QuerySelector("dt")!.TextContent, StringComparison.Ordinal);
        Assert.False(page.QuerySelector("button.checkout")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_cart_that_cannot_be_ordered_says_why_and_keeps_checkout_shut()
    {
        var problem = new ShopError(ErrorCode.OutOfStock, "Not enough stock: only 1 of \"Pour-over Dripper\" left (you asked for 3).");
        var cart = new CartView([Dripper], 81_000, [], null, 0, 81_000, problem, null);

        var page = await ComponentRenderer.RenderAsync<CartSummary>(With("Cart", cart));

        Assert.Null(page.QuerySelector("[data-testid=discount]"));
        Assert.Equal(problem.Message, page.QuerySelector(".error-notice .message")!.TextContent);
        Assert.True(page.QuerySelector("button.checkout")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Coupons_the_cart_is_too_small_for_say_how_much_more_is_needed()
    {
        var cart = new CartView([Dripper], 27_000, [Coupon(5, "Welcome", 20_000), Coupon(6, "Big spender", 50_000)], 5, 3_000, 24_000, null, null)
        {
            CouponShortfalls = new Dictionary<int, long> { [6] = 23_000 },
        };

        var page = await ComponentRenderer.RenderAsync<CouponChoice>(new Dictionary<string, object?>
        {
            ["Cart"] = cart,
        });

        var options = page.QuerySelectorAll("label.option");
        Assert.Equal(["No coupon", "Welcome", "Big spender"], options.Select(o => o.QuerySelector("strong")!.TextContent));
        Assert.True(options[1].QuerySelector("input")!.HasAttribute("checked"));
        Assert.False(options[1].QuerySelector("input")!.HasAttribute("disabled"));
        Assert.True(options[2].QuerySelector("input")!.HasAttribute("disabled"));
        Assert.Equal("Add ₩23,000 more to use it.", options[2].QuerySelector(".needs")!.TextContent);
    }

    [Fact]
    public async Task Without_coupons_the_shopper_is_pointed_to_claim_one()
    {
        var cart = new CartView([Kettle], 98_000, [], null, 0, 98_000, null, null);

        var page = await ComponentRenderer.RenderAsync<CouponChoice>(new Dictionary<string, object?>
        {
            ["Cart"] = cart,
        });

        Assert.Equal("coupons", page.QuerySelector(".none a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("input"));
    }
}
