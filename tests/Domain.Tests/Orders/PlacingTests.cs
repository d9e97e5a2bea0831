using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Orders.OrderSteps;

namespace ECommerce.Domain.Tests.Orders;

/// <summary>Placing an order: lines, limits, stock, request keys, coupons at checkout and quotes.</summary>
public sealed class PlacingTests
{
    [Fact]
    public async Task Placing_freezes_names_and_unit_prices_and_awaits_payment_for_15_minutes()
    {
        await using var shop = await ShopHarness.StartAsync();
        var kimchi = await shop.AddProductAsync(price: 12_000, stock: 5, name: "Kimchi");
        var rice = await shop.AddProductAsync(price: 3_000, stock: 5, name: "Rice");

        var placed = await shop.Orders.PlaceAsync("ann", Cart(new CartLine(kimchi.Id, 2), new CartLine(rice.Id, 1)));

        Assert.True(placed.IsSuccess, placed.ToString());
        var order = placed.Value;
        Assert.Equal(("ann", OrderStatus.AwaitingPayment), (order.ShopperId, order.Status));
        Assert.Equal(Now, order.CreatedAt);
        Assert.Equal(Now.AddMinutes(15), order.ExpiresAt);
        Assert.Null(order.PaidAt);
        Assert.Null(order.Coupon);
        Assert.Equal((27_000L, 0L, 27_000L), (order.Subtotal, order.Discount, order.Total));
        Assert.Equal(
            [new OrderLineView(kimchi.Id, "Kimchi", 12_000, 2, 24_000), new OrderLineView(rice.Id, "Rice", 3_000, 1, 3_000)],
            order.Lines.OrderBy(l => l.ProductId));
        // Placing reserves no stock: stock goes only when the order is paid.
        Assert.Equal(5, await StockAsync(shop, kimchi.Id));

        await shop.QueryAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE \"Products\" SET \"Price\" = {99_000L}, \"Name\" = {"Renamed"} WHERE \"Id\" = {kimchi.Id}"));
        var later = (await shop.OrderQueries.GetMyOrderAsync("ann", order.Id)).Value!;
        Assert.Equal(("Kimchi", 12_000L), later.Lines.Where(l => l.ProductId == kimchi.Id).Select(l => (l.ProductName, l.UnitPrice)).Single());
        Assert.Equal(27_000, later.Total);

        await shop.ChargeAsync("ann", 30_000);
        Assert.Equal(27_000, (await PayAsync(shop, "ann", order.Id)).AmountPaid);
        Assert.Equal(3_000, await shop.Wallets.GetBalanceAsync("ann"));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task The_payment_window_comes_from_configuration()
    {
        await using var shop = await ShopHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Shop:Orders:PaymentWindow"] = "00:05:00",
        });
        var product = await shop.AddProductAsync();

        var order = await shop.PlaceAsync("ann", product.Id);

        Assert.Equal(Now.AddMinutes(5), order.ExpiresAt);
    }

    [Fact]
    public async Task An_empty_cart_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.AddProductAsync();

        await AssertPlaceRefusedAsync(shop, "ann", Cart(), ErrorCode.EmptyCart);
        await AssertPlaceRefusedAsync(shop, "ann", new PlaceOrder(null!, null, "request-1"), ErrorCode.EmptyCart);
        Assert.Equal(0, (await shop.OrderQueries.GetMyOrdersAsync("ann")).TotalCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public async Task A_quantity_outside_1_to_999_is_refused(int quantity)
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 5_000);

        var error = await AssertPlaceRefusedAsync(shop, "ann", Cart(new CartLine(product.Id, quantity)), ErrorCode.InvalidQuantity);

        Assert.Equal(product.Id, error.ProductId);
        Assert.Equal(0, (await shop.OrderQueries.GetMyOrdersAsync("ann")).TotalCount);
    }

    [Fact]
    public async Task A_quantity_of_999_is_accepted()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 100, stock: 999);

        var order = await shop.PlaceAsync("ann", product.Id, 999);

        Assert.Equal(999, Assert.Single(order.Lines).Quantity);
        Assert.Equal(99_900, order.Total);
    }

    [Fact]
    public async Task Lines_for_the_same_product_are_merged_into_one()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000, stock: 5);

        var placed = await shop.Orders.PlaceAsync("ann", Cart(new CartLine(product.Id, 2), new CartLine(product.Id, 3)));

        Assert.True(placed.IsSuccess, placed.ToString());
        var line = Assert.Single(placed.Value.Lines);
        Assert.Equal((product.Id, 5, 5_000L), (line.ProductId, line.Quantity, line.LineTotal));
        Assert.Equal(5_000, placed.Value.Total);
    }

    [Fact]
    public async Task Merged_lines_are_checked_together_against_the_quantity_limit_and_the_stock()
    {
        await using var shop = await ShopHarness.StartAsync();
        var plenty = await shop.AddProductAsync(stock: 2_000);
        var few = await shop.AddProductAsync(stock: 5);

        await AssertPlaceRefusedAsync(shop, "ann",
            Cart(new CartLine(plenty.Id, 500), new CartLine(plenty.Id, 500)), ErrorCode.InvalidQuantity);
        var error = await AssertPlaceRefusedAsync(shop, "ann",
            Cart(new CartLine(few.Id, 3), new CartLine(few.Id, 3)), ErrorCode.OutOfStock);
        Assert.Equal((few.Id, 5L), (error.ProductId, error.CurrentValue));
    }

    [Fact]
    public async Task An_order_of_more_than_50_different_products_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var category = await shop.AddCategoryAsync();
        var products = new List<int>();
        for (var i = 0; i < 51; i++)
        {
            products.Add((await shop.AddProductAsync(price: 100, categoryId: category)).Id);
        }

        await AssertPlaceRefusedAsync(shop, "ann", Cart(products.Select(id => new CartLine(id, 1)).ToArray()), ErrorCode.InvalidQuantity);

        var fifty = await shop.Orders.PlaceAsync("ann", Cart(products.Take(50).Select(id => new CartLine(id, 1)).ToArray()));
        Assert.True(fifty.IsSuccess, fifty.ToString());
        Assert.Equal(50, fifty.Value.Lines.Count);
    }

    [Fact]
    public async Task An_unknown_product_is_unavailable()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();

        var error = await AssertPlaceRefusedAsync(shop, "ann",
            Cart(new CartLine(product.Id, 1), new CartLine(12345, 1)), ErrorCode.ProductUnavailable);

        Assert.Equal(12345, error.ProductId);
    }

    [Fact]
    public async Task Not_enough_stock_is_refused_naming_the_product()
    {
        await using var shop = await ShopHarness.StartAsync();
        var rice = await shop.AddProductAsync(stock: 10, name: "Rice");
        var kimchi = await shop.AddProductAsync(stock: 2, name: "Kimchi");
        var soldOut = await shop.AddProductAsync(stock: 0, name: "Soju");

        var error = await AssertPlaceRefusedAsync(shop, "ann",
            Cart(new CartLine(rice.Id, 1), new CartLine(kimchi.Id, 3)), ErrorCode.OutOfStock);
        var soldOutError = await AssertPlaceRefusedAsync(shop, "ann", Cart(new CartLine(soldOut.Id, 1)), ErrorCode.OutOfStock);

        Assert.Equal((kimchi.Id, 2L), (error.ProductId, error.CurrentValue));
        Assert.Contains("Kimchi", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Rice", error.Message, StringComparison.Ordinal);
        Assert.Equal((soldOut.Id, 0L), (soldOutError.ProductId, soldOutError.CurrentValue));
        Assert.Contains("Soju", soldOutError.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await shop.OrderQueries.GetMyOrdersAsync("ann")).TotalCount);
    }

    [Fact]
    public async Task An_order_of_exactly_the_stock_left_is_accepted()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 3);

        var order = await shop.PlaceAsync("ann", product.Id, 3);

        Assert.Equal(3, Assert.Single(order.Lines).Quantity);
    }

    [Fact]
    public async Task The_same_request_submitted_twice_places_one_order()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000);
        var other = await shop.AddProductAsync(price: 2_000);

        var first = await shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 1)], null, "request-1"));
        var again = await shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 1)], null, "request-1"));
        var changed = await shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(other.Id, 4)], null, "request-1"));

        Assert.True(first.IsSuccess, first.ToString());
        Assert.Equal(first.Value.Id, again.Value?.Id);
        Assert.Equal(first.Value.Id, changed.Value?.Id);
        Assert.Equal(1_000, changed.Value?.Total);
        Assert.Equal(1, (await shop.OrderQueries.GetMyOrdersAsync("ann")).TotalCount);
    }

    [Fact]
    public async Task A_repeated_request_returns_its_order_even_after_the_cart_was_emptied()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000, stock: 1);
        var first = await shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 1)], null, "request-1"));

        var emptied = await shop.Orders.PlaceAsync("ann", new PlaceOrder([], null, "request-1"));
        var unreadable = await shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 0)], null, "request-1"));

        Assert.True(first.IsSuccess, first.ToString());
        Assert.Equal(first.Value.Id, emptied.Value?.Id);
        Assert.Equal(first.Value.Id, unreadable.Value?.Id);
        Assert.Equal(1_000, emptied.Value?.Total);
        await AssertPlaceRefusedAsync(shop, "ann", new PlaceOrder([], null, "request-2"), ErrorCode.EmptyCart);
    }

    [Fact]
    public async Task A_request_id_belongs_to_one_shopper()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();

        var ann = await shop.Orders.PlaceAsync("ann", new PlaceOrder([new CartLine(product.Id, 1)], null, "request-1"));
        var bob = await shop.Orders.PlaceAsync("bob", new PlaceOrder([new CartLine(product.Id, 1)], null, "request-1"));

        Assert.NotEqual(ann.Value!.Id, bob.Value!.Id);
        Assert.Equal("bob", bob.Value.ShopperId);
    }

    public static TheoryData<string, string?> InvalidRequests => new()
    {
        { "", "request-1" },
        { "  ", "request-1" },
        { "ann", null },
        { "ann", "" },
        { "ann", new string('r', 101) },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task An_order_without_a_shopper_or_a_valid_request_id_is_refused(string shopperId, string? requestId)
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();

        await AssertPlaceRefusedAsync(shop, shopperId, new PlaceOrder([new CartLine(product.Id, 1)], null, requestId!), ErrorCode.InvalidInput);
    }

    [Fact]
    public async Task A_coupon_reserved_at_placing_discounts_the_order()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 12_000);
        var campaign = await shop.AddCampaignAsync(value: 2_000);
        var coupon = await ClaimAsync(shop, "ann", campaign);

        var order = await shop.PlaceAsync("ann", product.Id, 2, coupon.Id);

        Assert.Equal((24_000L, 2_000L, 22_000L), (order.Subtotal, order.Discount, order.Total));
        Assert.Equal((coupon.Id, campaign.Code), (order.Coupon?.IssuedCouponId, order.Coupon?.Code));
        Assert.Equal(CouponState.Reserved, await CouponStateAsync(shop, "ann", coupon.Id));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Someone_elses_coupon_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync());

        await AssertPlaceRefusedAsync(shop, "bob", Cart(coupon.Id, new CartLine(product.Id, 1)), ErrorCode.NotYours);

        Assert.Equal(CouponState.Valid, await CouponStateAsync(shop, "ann", coupon.Id));
    }

    [Fact]
    public async Task An_unknown_coupon_is_not_found()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();

        await AssertPlaceRefusedAsync(shop, "ann", Cart(12345, new CartLine(product.Id, 1)), ErrorCode.NotFound);
    }

    [Fact]
    public async Task An_expired_coupon_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(validFor: TimeSpan.FromHours(1)));
        shop.Clock.Advance(TimeSpan.FromHours(1));

        await AssertPlaceRefusedAsync(shop, "ann", Cart(coupon.Id, new CartLine(product.Id, 1)), ErrorCode.CouponExpired);
    }

    [Fact]
    public async Task A_coupon_on_an_order_below_its_minimum_is_refused_with_the_shortfall()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 5_000);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(minOrder: 20_000));

        var error = await AssertPlaceRefusedAsync(shop, "ann", Cart(coupon.Id, new CartLine(product.Id, 3)), ErrorCode.CouponBelowMinimumOrder);
        Assert.Equal(5_000, error.Shortfall);

        var atMinimum = await shop.PlaceAsync("ann", product.Id, 4, coupon.Id);
        Assert.Equal((20_000L, 1_000L), (atMinimum.Subtotal, atMinimum.Discount));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_coupon_reserved_by_another_unpaid_order_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync());
        var first = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);

        await AssertPlaceRefusedAsync(shop, "ann", Cart(coupon.Id, new CartLine(product.Id, 1)), ErrorCode.CouponReserved);

        Assert.Equal(first.Id, (await shop.Coupons.GetMyCouponsAsync("ann")).Single().OrderId);
    }

    [Fact]
    public async Task A_used_coupon_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync());
        await shop.ChargeAsync("ann", 100_000);
        await PayAsync(shop, "ann", (await shop.PlaceAsync("ann", product.Id, 1, coupon.Id)).Id);

        await AssertPlaceRefusedAsync(shop, "ann", Cart(coupon.Id, new CartLine(product.Id, 1)), ErrorCode.CouponAlreadyUsed);
    }

    [Fact]
    public async Task A_coupon_worth_more_than_the_order_makes_it_free_and_it_can_be_paid_with_no_balance()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 3_000, stock: 5);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 5_000));

        var order = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        var receipt = await PayAsync(shop, "ann", order.Id);

        Assert.Equal((3_000L, 3_000L, 0L), (order.Subtotal, order.Discount, order.Total));
        Assert.Equal((0L, 0L), (receipt.AmountPaid, receipt.Balance));
        Assert.Equal(4, await StockAsync(shop, product.Id));
        Assert.Equal(CouponState.Used, await CouponStateAsync(shop, "ann", coupon.Id));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_quote_shows_the_discount_and_places_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(kind: DiscountKind.Percent, value: 10));
        var before = await ShopSnapshot.TakeAsync(shop);

        var quote = await shop.Orders.QuoteAsync("ann", [new CartLine(product.Id, 3)], coupon.Id);

        Assert.True(quote.IsSuccess, quote.ToString());
        Assert.Equal((30_000L, 3_000L, 27_000L), (quote.Value.Subtotal, quote.Value.Discount, quote.Value.Total));
        Assert.Null(quote.Value.CouponProblem);
        Assert.Equal(30_000, Assert.Single(quote.Value.Lines).LineTotal);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        Assert.Equal(CouponState.Valid, await CouponStateAsync(shop, "ann", coupon.Id));
    }

    [Fact]
    public async Task A_quote_reports_a_coupon_problem_without_failing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 5_000);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(minOrder: 20_000));
        var reserved = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync());
        await shop.PlaceAsync("ann", product.Id, 1, reserved.Id);
        var before = await ShopSnapshot.TakeAsync(shop);

        var belowMinimum = await shop.Orders.QuoteAsync("ann", [new CartLine(product.Id, 1)], coupon.Id);
        var notYours = await shop.Orders.QuoteAsync("bob", [new CartLine(product.Id, 1)], coupon.Id);
        var held = await shop.Orders.QuoteAsync("ann", [new CartLine(product.Id, 1)], reserved.Id);
        var unknown = await shop.Orders.QuoteAsync("ann", [new CartLine(product.Id, 1)], 12345);

        Assert.True(belowMinimum.IsSuccess, belowMinimum.ToString());
        Assert.Equal((5_000L, 0L, 5_000L), (belowMinimum.Value.Subtotal, belowMinimum.Value.Discount, belowMinimum.Value.Total));
        Assert.Equal(ErrorCode.CouponBelowMinimumOrder, belowMinimum.Value.CouponProblem?.Code);
        Assert.Equal(15_000, belowMinimum.Value.CouponProblem?.Shortfall);
        Assert.Equal(ErrorCode.NotYours, notYours.Value?.CouponProblem?.Code);
        Assert.Equal(ErrorCode.CouponReserved, held.Value?.CouponProblem?.Code);
        Assert.Equal(ErrorCode.NotFound, unknown.Value?.CouponProblem?.Code);
        Assert.Equal(5_000, unknown.Value?.Total);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
    }

    [Fact]
    public async Task A_quote_of_a_cart_that_cannot_be_ordered_fails()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 1);

        var empty = await shop.Orders.QuoteAsync("ann", [], null);
        var tooMany = await shop.Orders.QuoteAsync("ann", [new CartLine(product.Id, 2)], null);

        Assert.Equal(ErrorCode.EmptyCart, empty.Error?.Code);
        Assert.Equal(ErrorCode.OutOfStock, tooMany.Error?.Code);
    }

    [Fact]
    public async Task A_negative_line_is_refused_even_when_another_line_of_the_product_outweighs_it()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 10);

        var error = await AssertPlaceRefusedAsync(shop, "ann", Cart(new CartLine(product.Id, 5), new CartLine(product.Id, -3)),
            ErrorCode.InvalidQuantity);

        Assert.Equal(product.Id, error.ProductId);
    }
}
