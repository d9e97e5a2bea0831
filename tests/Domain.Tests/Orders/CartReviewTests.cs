using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Orders.OrderSteps;

namespace ECommerce.Domain.Tests.Orders;

/// <summary>What the cart asks the domain: a review of the cart as it is, and whether a product may go into it.</summary>
public sealed class CartReviewTests
{
    [Fact]
    public async Task A_review_names_each_lines_shortage_and_the_refusal_placing_would_meet_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var tea = await shop.AddProductAsync(price: 4_000, stock: 1, name: "Tea");
        var rice = await shop.AddProductAsync(price: 3_000, stock: 0, name: "Rice");
        var kimchi = await shop.AddProductAsync(price: 2_000, stock: 9, name: "Kimchi");
        var before = await ShopSnapshot.TakeAsync(shop);

        var review = (await shop.Orders.ReviewCartAsync("ann",
            [new CartLine(tea.Id, 3), new CartLine(rice.Id, 1), new CartLine(kimchi.Id, 2)], null)).Value!;

        Assert.Equal([(2, "only 1 of \"Tea\" left (you asked for 3)"), (1, "\"Rice\" is sold out"), (0, null)],
            review.Lines.Select(l => (l.Shortage, l.ShortageSentence)));
        Assert.Equal([1, 0, 9], review.Lines.Select(l => l.Available));
        Assert.Equal(ErrorCode.OutOfStock, review.Problem?.Code);
        Assert.Equal((await shop.Orders.QuoteAsync("ann", [new CartLine(tea.Id, 3), new CartLine(rice.Id, 1)], null)).Error?.Message,
            review.Problem?.Message);
        Assert.Equal(19_000, review.Subtotal);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
    }

    [Fact]
    public async Task A_review_says_what_each_held_coupon_and_the_balance_still_lack()
    {
        await using var shop = await ShopHarness.StartAsync();
        var tea = await shop.AddProductAsync(price: 5_000, stock: 10);
        var small = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 1_000, minOrder: 10_000));
        var big = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 5_000, minOrder: 50_000));
        await shop.ChargeAsync("ann", 4_000);

        var review = (await shop.Orders.ReviewCartAsync("ann", [new CartLine(tea.Id, 2)], small.Id)).Value!;

        Assert.Null(review.Problem);
        Assert.Equal([(small.Id, (long?)null), (big.Id, 40_000)], review.Coupons.OrderBy(c => c.IssuedCouponId).Select(c => (c.IssuedCouponId, c.Shortfall)));
        Assert.Equal((10_000L, 1_000L, 9_000L), (review.Subtotal, review.Discount, review.Total));
        Assert.Equal((4_000L, 5_000L), (review.Balance, review.BalanceShortfall));
    }

    [Fact]
    public async Task A_reserved_coupon_is_not_offered_and_a_visitor_gets_no_review()
    {
        await using var shop = await ShopHarness.StartAsync();
        var tea = await shop.AddProductAsync(price: 5_000, stock: 10);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync());
        await shop.PlaceAsync("ann", tea.Id, couponId: coupon.Id);

        var review = (await shop.Orders.ReviewCartAsync("ann", [new CartLine(tea.Id, 1)], null)).Value!;
        var visitor = await shop.Orders.ReviewCartAsync("", [new CartLine(tea.Id, 1)], null);

        Assert.Empty(review.Coupons);
        Assert.Equal("Please sign in first.", visitor.Error?.Message);
    }

    [Theory]
    [InlineData(0, 6, 1, "Only 5 of \"Tea\" left.")]
    [InlineData(2, 4, 1, "Only 5 of \"Tea\" left and 2 already in your cart.")]
    [InlineData(0, 0, 1, "Choose a quantity of at least 1.")]
    [InlineData(0, 1, 50, "A cart can hold at most 50 different products.")]
    public async Task Adding_to_a_cart_is_refused_beyond_the_stock_and_the_order_limits(int inCart, int adding, int lines, string sentence)
    {
        await using var shop = await ShopHarness.StartAsync();
        var tea = await shop.AddProductAsync(stock: 5, name: "Tea");

        var added = await shop.Get<CartRules>().CheckCanAddAsync("ann", tea.Id, inCart, adding, lines);

        Assert.Equal(sentence, added.Error?.Message);
    }

    [Fact]
    public async Task Adding_what_the_shelf_and_the_limits_allow_returns_the_units_the_line_then_holds()
    {
        await using var shop = await ShopHarness.StartAsync();
        var tea = await shop.AddProductAsync(stock: 5, name: "Tea");
        var rules = shop.Get<CartRules>();

        Assert.Equal(5, (await rules.CheckCanAddAsync("ann", tea.Id, 2, 3, 50)).Value);
        Assert.Equal("\"Tea\" is sold out.", (await rules.CheckCanAddAsync("ann", (await shop.AddProductAsync(stock: 0, name: "Tea")).Id, 0, 1, 0)).Error?.Message);
        Assert.Equal("A cart can hold at most 999 of one product.", rules.CheckCanSetQuantity("ann", tea.Id, 1_000)?.Message);
        Assert.Null(rules.CheckCanSetQuantity("ann", tea.Id, 999));
        Assert.Equal(ErrorCode.NotFound, (await rules.CheckCanAddAsync("ann", 12345, 0, 1, 0)).Error?.Code);
    }
}
