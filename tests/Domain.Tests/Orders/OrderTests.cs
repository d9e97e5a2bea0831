using System.Text.Json;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Orders;

public sealed class OrderTests
{
    private static readonly DateTime Now = ShopHarness.Start.UtcDateTime;

    private static PlaceOrder Cart(params CartLine[] lines) => new(lines, null, Guid.NewGuid().ToString());

    private static PlaceOrder Cart(int? couponId, params CartLine[] lines) => new(lines, couponId, Guid.NewGuid().ToString());

    private static async Task<ShopError> AssertRefusedAsync<T>(ShopHarness shop, Func<Task<Result<T>>> action, ErrorCode code)
    {
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await action();

        Assert.False(result.IsSuccess, $"Expected {code}, got {result}");
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        return result.Error;
    }

    private static Task<ShopError> AssertPlaceRefusedAsync(ShopHarness shop, string shopperId, PlaceOrder command, ErrorCode code) =>
        AssertRefusedAsync(shop, () => shop.Orders.PlaceAsync(shopperId, command), code);

    private static Task<ShopError> AssertPayRefusedAsync(ShopHarness shop, string shopperId, int orderId, ErrorCode code) =>
        AssertRefusedAsync(shop, () => shop.Orders.PayAsync(shopperId, orderId), code);

    private static async Task<PaymentReceipt> PayAsync(ShopHarness shop, string shopperId, int orderId)
    {
        var result = await shop.Orders.PayAsync(shopperId, orderId);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    private static async Task<MyCoupon> ClaimAsync(ShopHarness shop, string shopperId, CampaignView campaign)
    {
        var result = await shop.Coupons.ClaimAsync(shopperId, campaign.Id);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    private static async Task<CouponState> CouponStateAsync(ShopHarness shop, string shopperId, int couponId) =>
        (await shop.Coupons.GetMyCouponsAsync(shopperId)).Single(c => c.Id == couponId).State;

    private static async Task<int> StockAsync(ShopHarness shop, int productId) =>
        (await shop.Catalog.GetProductAsync(productId)).Value!.Stock;

    private static async Task<OrderStatus> StatusAsync(ShopHarness shop, string shopperId, int orderId) =>
        (await shop.OrderQueries.GetMyOrderAsync(shopperId, orderId)).Value!.Status;

    // ---- Placing an order ----

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

    // ---- Coupons at checkout ----

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

    // ---- Paying ----

    [Fact]
    public async Task Paying_deducts_stock_debits_the_balance_uses_the_coupon_and_queues_the_data_platform_message()
    {
        await using var shop = await ShopHarness.StartAsync();
        var kimchi = await shop.AddProductAsync(price: 12_000, stock: 5, name: "Kimchi");
        var rice = await shop.AddProductAsync(price: 3_000, stock: 10, name: "Rice");
        var campaign = await shop.AddCampaignAsync(value: 2_000);
        var coupon = await ClaimAsync(shop, "ann", campaign);
        await shop.ChargeAsync("ann", 50_000);
        var order = (await shop.Orders.PlaceAsync("ann",
            Cart(coupon.Id, new CartLine(kimchi.Id, 2), new CartLine(rice.Id, 3)))).Value!;
        shop.Clock.Advance(TimeSpan.FromMinutes(5));

        var receipt = await PayAsync(shop, "ann", order.Id);

        var paidAt = Now.AddMinutes(5);
        Assert.Equal(new PaymentReceipt(order.Id, 31_000, 19_000, paidAt, AlreadyPaid: false), receipt);
        Assert.Equal(3, await StockAsync(shop, kimchi.Id));
        Assert.Equal(7, await StockAsync(shop, rice.Id));
        Assert.Equal(19_000, await shop.Wallets.GetBalanceAsync("ann"));
        var debit = (await shop.Wallets.GetLedgerAsync("ann")).Items[0];
        Assert.Equal((LedgerEntryKind.Payment, -31_000L, 19_000L, (int?)order.Id), (debit.Kind, debit.Amount, debit.BalanceAfter, debit.OrderId));
        Assert.Equal(CouponState.Used, await CouponStateAsync(shop, "ann", coupon.Id));
        var paid = (await shop.OrderQueries.GetMyOrderAsync("ann", order.Id)).Value!;
        Assert.Equal((OrderStatus.Paid, (DateTime?)paidAt), (paid.Status, paid.PaidAt));
        Assert.Equal([(rice.Id, 3L), (kimchi.Id, 2L)],
            (await shop.Catalog.GetTopSellersAsync()).Select(t => (t.ProductId, t.UnitsSold)));

        var message = Assert.Single(await shop.QueryAsync(db => db.Outbox.ToListAsync()));
        Assert.Equal((OutboxMessage.OrderPaidType, $"order-paid-{order.Id}", OutboxState.Pending),
            (message.Type, message.IdempotencyKey, message.State));
        using var payload = JsonDocument.Parse(message.Payload);
        Assert.Equal(order.Id, payload.RootElement.GetProperty("orderId").GetInt32());
        Assert.Equal("ann", payload.RootElement.GetProperty("shopperId").GetString());
        Assert.Equal(31_000, payload.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(2_000, payload.RootElement.GetProperty("discount").GetInt64());
        Assert.Equal(campaign.Code, payload.RootElement.GetProperty("couponCode").GetString());
        Assert.Equal(2, payload.RootElement.GetProperty("lines").GetArrayLength());
        Assert.Equal(1, await shop.QueryAsync(db => db.Payments.CountAsync(p => p.OrderId == order.Id && p.Amount == 31_000)));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_short_balance_is_refused_with_the_exact_shortfall_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 12_000, stock: 5);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 1_000));
        await shop.ChargeAsync("ann", 5_000);
        var order = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);

        var error = await AssertPayRefusedAsync(shop, "ann", order.Id, ErrorCode.InsufficientBalance);

        Assert.Equal(6_000, error.Shortfall);
        Assert.Equal(5_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(5, await StockAsync(shop, product.Id));
        Assert.Equal(CouponState.Reserved, await CouponStateAsync(shop, "ann", coupon.Id));
        Assert.Equal(OrderStatus.AwaitingPayment, await StatusAsync(shop, "ann", order.Id));

        // Charging the shortfall is exactly enough.
        await shop.ChargeAsync("ann", 6_000);
        Assert.Equal(0, (await PayAsync(shop, "ann", order.Id)).Balance);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_shopper_without_a_wallet_is_short_the_whole_total()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 12_000);
        var order = await shop.PlaceAsync("ann", product.Id);

        var error = await AssertPayRefusedAsync(shop, "ann", order.Id, ErrorCode.InsufficientBalance);

        Assert.Equal(12_000, error.Shortfall);
        Assert.Equal(0, await shop.QueryAsync(db => db.Wallets.CountAsync()));
    }

    [Fact]
    public async Task Stock_sold_to_someone_else_before_paying_is_refused_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000, stock: 3, name: "Last units");
        await shop.ChargeAsync("ann", 10_000);
        await shop.ChargeAsync("bob", 10_000);
        var annOrder = await shop.PlaceAsync("ann", product.Id, 2);
        await PayAsync(shop, "bob", (await shop.PlaceAsync("bob", product.Id, 2)).Id);

        var error = await AssertPayRefusedAsync(shop, "ann", annOrder.Id, ErrorCode.OutOfStock);

        Assert.Equal((product.Id, 1L), (error.ProductId, error.CurrentValue));
        Assert.Contains("Last units", error.Message, StringComparison.Ordinal);
        Assert.Equal(10_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(1, await StockAsync(shop, product.Id));
        Assert.Equal(OrderStatus.AwaitingPayment, await StatusAsync(shop, "ann", annOrder.Id));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Paying_someone_elses_order_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        await shop.ChargeAsync("bob", 100_000);
        var order = await shop.PlaceAsync("ann", product.Id);

        await AssertPayRefusedAsync(shop, "bob", order.Id, ErrorCode.NotYours);

        Assert.Equal(100_000, await shop.Wallets.GetBalanceAsync("bob"));
    }

    [Fact]
    public async Task Paying_an_unknown_order_is_not_found()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.ChargeAsync("ann", 100_000);

        await AssertPayRefusedAsync(shop, "ann", 12345, ErrorCode.NotFound);
    }

    [Fact]
    public async Task Paying_without_a_shopper_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        var order = await shop.PlaceAsync("ann", product.Id);

        await AssertPayRefusedAsync(shop, "", order.Id, ErrorCode.InvalidInput);
    }

    [Fact]
    public async Task Paying_twice_charges_once_and_says_it_was_already_paid()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000, stock: 5);
        await shop.ChargeAsync("ann", 50_000);
        var order = await shop.PlaceAsync("ann", product.Id);
        var first = await PayAsync(shop, "ann", order.Id);
        shop.Clock.Advance(TimeSpan.FromHours(1));

        var second = await PayAsync(shop, "ann", order.Id);

        Assert.False(first.AlreadyPaid);
        Assert.Equal(new PaymentReceipt(order.Id, 10_000, 40_000, Now, AlreadyPaid: true), second);
        Assert.Equal(40_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(4, await StockAsync(shop, product.Id));
        Assert.Equal(2, (await shop.Wallets.GetLedgerAsync("ann")).TotalCount);
        Assert.Equal(1, await shop.QueryAsync(db => db.Outbox.CountAsync()));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Paying_just_before_the_window_closes_succeeds()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000);
        await shop.ChargeAsync("ann", 1_000);
        var order = await shop.PlaceAsync("ann", product.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));

        Assert.Equal(0, (await PayAsync(shop, "ann", order.Id)).Balance);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Paying_once_the_window_has_closed_is_refused_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000, stock: 5);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 100));
        await shop.ChargeAsync("ann", 10_000);
        var order = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(15));

        await AssertPayRefusedAsync(shop, "ann", order.Id, ErrorCode.OrderExpired);

        Assert.Equal(10_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(5, await StockAsync(shop, product.Id));
        Assert.NotEqual(CouponState.Used, await CouponStateAsync(shop, "ann", coupon.Id));
    }

    [Fact]
    public async Task Paying_a_cancelled_or_expired_order_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000);
        await shop.ChargeAsync("ann", 10_000);
        var cancelled = await shop.PlaceAsync("ann", product.Id);
        Assert.True((await shop.Orders.CancelAsync("ann", cancelled.Id)).IsSuccess);
        var expired = await shop.PlaceAsync("ann", product.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await shop.Orders.ExpireStaleOrdersAsync());

        await AssertPayRefusedAsync(shop, "ann", cancelled.Id, ErrorCode.OrderNotAwaitingPayment);
        await AssertPayRefusedAsync(shop, "ann", expired.Id, ErrorCode.OrderNotAwaitingPayment);

        Assert.Equal(10_000, await shop.Wallets.GetBalanceAsync("ann"));
        await shop.AssertInvariantsAsync();
    }

    // ---- Cancelling and expiring ----

    [Fact]
    public async Task Cancelling_closes_the_order_and_releases_its_coupon_for_a_new_order()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000, stock: 5);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 1_000));
        var first = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(2));

        var cancelled = await shop.Orders.CancelAsync("ann", first.Id);

        Assert.True(cancelled.IsSuccess, cancelled.ToString());
        Assert.Equal((OrderStatus.Cancelled, (DateTime?)Now.AddMinutes(2)), (cancelled.Value.Status, cancelled.Value.ClosedAt));
        Assert.Equal(CouponState.Valid, await CouponStateAsync(shop, "ann", coupon.Id));
        Assert.Equal(5, await StockAsync(shop, product.Id));

        await shop.ChargeAsync("ann", 9_000);
        var second = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        Assert.Equal(1_000, second.Discount);
        Assert.Equal(0, (await PayAsync(shop, "ann", second.Id)).Balance);
        Assert.Equal(CouponState.Used, await CouponStateAsync(shop, "ann", coupon.Id));
        Assert.Equal(OrderStatus.Cancelled, await StatusAsync(shop, "ann", first.Id));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_paid_or_already_cancelled_order_cannot_be_cancelled()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 100));
        await shop.ChargeAsync("ann", 10_000);
        var paid = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        await PayAsync(shop, "ann", paid.Id);
        var cancelled = await shop.PlaceAsync("ann", product.Id);
        Assert.True((await shop.Orders.CancelAsync("ann", cancelled.Id)).IsSuccess);

        await AssertRefusedAsync(shop, () => shop.Orders.CancelAsync("ann", paid.Id), ErrorCode.OrderNotAwaitingPayment);
        await AssertRefusedAsync(shop, () => shop.Orders.CancelAsync("ann", cancelled.Id), ErrorCode.OrderNotAwaitingPayment);

        Assert.Equal(OrderStatus.Paid, await StatusAsync(shop, "ann", paid.Id));
        Assert.Equal(CouponState.Used, await CouponStateAsync(shop, "ann", coupon.Id));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Someone_elses_or_an_unknown_order_cannot_be_cancelled()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        var order = await shop.PlaceAsync("ann", product.Id);

        await AssertRefusedAsync(shop, () => shop.Orders.CancelAsync("bob", order.Id), ErrorCode.NotYours);
        await AssertRefusedAsync(shop, () => shop.Orders.CancelAsync("ann", 12345), ErrorCode.NotFound);

        Assert.Equal(OrderStatus.AwaitingPayment, await StatusAsync(shop, "ann", order.Id));
    }

    [Fact]
    public async Task Expiring_closes_only_orders_past_their_window_and_releases_their_coupons()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 1_000);
        await shop.ChargeAsync("ann", 10_000);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 100));
        var stale = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        var paid = await shop.PlaceAsync("ann", product.Id);
        await PayAsync(shop, "ann", paid.Id);
        var cancelled = await shop.PlaceAsync("ann", product.Id);
        await shop.Orders.CancelAsync("ann", cancelled.Id);
        var staleToo = await shop.PlaceAsync("bob", product.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(10));
        var fresh = await shop.PlaceAsync("bob", product.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(5)); // exactly the first orders' expiry time

        var expired = await shop.Orders.ExpireStaleOrdersAsync();

        Assert.Equal(2, expired);
        Assert.Equal(OrderStatus.Expired, await StatusAsync(shop, "ann", stale.Id));
        Assert.Equal(OrderStatus.Expired, await StatusAsync(shop, "bob", staleToo.Id));
        Assert.Equal(Now.AddMinutes(15), (await shop.OrderQueries.GetMyOrderAsync("ann", stale.Id)).Value!.ClosedAt);
        Assert.Equal(OrderStatus.Paid, await StatusAsync(shop, "ann", paid.Id));
        Assert.Equal(OrderStatus.Cancelled, await StatusAsync(shop, "ann", cancelled.Id));
        Assert.Equal(OrderStatus.AwaitingPayment, await StatusAsync(shop, "bob", fresh.Id));
        Assert.Equal(CouponState.Valid, await CouponStateAsync(shop, "ann", coupon.Id));
        Assert.Equal(0, await shop.Orders.ExpireStaleOrdersAsync());

        var reused = await shop.PlaceAsync("ann", product.Id, 1, coupon.Id);
        Assert.Equal(100, reused.Discount);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task Expiring_counts_every_stale_order_beyond_one_batch()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        for (var i = 0; i < 101; i++)
        {
            await shop.PlaceAsync("ann", product.Id);
        }

        shop.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(101, await shop.Orders.ExpireStaleOrdersAsync());
        Assert.Equal(0, await shop.QueryAsync(db => db.Orders.CountAsync(o => o.Status != OrderStatus.Expired)));
    }

    // ---- Looking at orders ----

    [Fact]
    public async Task A_shopper_lists_only_their_own_orders_newest_first()
    {
        await using var shop = await ShopHarness.StartAsync();
        var cheap = await shop.AddProductAsync(price: 1_000);
        var dear = await shop.AddProductAsync(price: 5_000);
        var first = await shop.PlaceAsync("ann", cheap.Id, 3);
        await shop.PlaceAsync("bob", cheap.Id);
        var second = await shop.Orders.PlaceAsync("ann", Cart(new CartLine(dear.Id, 1), new CartLine(cheap.Id, 2)));

        var ann = await shop.OrderQueries.GetMyOrdersAsync("ann");
        var annPaged = await shop.OrderQueries.GetMyOrdersAsync("ann", page: 2, pageSize: 1);

        Assert.Equal([(second.Value!.Id, 7_000L, 3), (first.Id, 3_000L, 3)], ann.Items.Select(o => (o.Id, o.Total, o.Units)));
        Assert.Equal(first.Id, Assert.Single(annPaged.Items).Id);
        Assert.Equal(2, annPaged.PageCount);
        Assert.Single((await shop.OrderQueries.GetMyOrdersAsync("bob")).Items);
        Assert.Empty((await shop.OrderQueries.GetMyOrdersAsync("cid")).Items);
    }

    [Fact]
    public async Task Only_the_owner_sees_an_orders_detail()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 4_000, name: "Tea");
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 500));
        var order = await shop.PlaceAsync("ann", product.Id, 2, coupon.Id);

        var mine = await shop.OrderQueries.GetMyOrderAsync("ann", order.Id);
        var bobs = await shop.OrderQueries.GetMyOrderAsync("bob", order.Id);
        var unknown = await shop.OrderQueries.GetMyOrderAsync("ann", 12345);

        Assert.True(mine.IsSuccess, mine.ToString());
        Assert.Equal(("Tea", 2, 7_500L), (Assert.Single(mine.Value.Lines).ProductName, mine.Value.Lines[0].Quantity, mine.Value.Total));
        Assert.Equal(coupon.Id, mine.Value.Coupon?.IssuedCouponId);
        Assert.Equal(ErrorCode.NotYours, bobs.Error?.Code);
        Assert.Null(bobs.Value);
        Assert.Equal(ErrorCode.NotFound, unknown.Error?.Code);
    }

    // ---- Gaps found by review ----

    [Fact]
    public async Task A_negative_line_is_refused_even_when_another_line_of_the_product_outweighs_it()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 10);

        var error = await AssertPlaceRefusedAsync(shop, "ann", Cart(new CartLine(product.Id, 5), new CartLine(product.Id, -3)),
            ErrorCode.InvalidQuantity);

        Assert.Equal(product.Id, error.ProductId);
    }

    [Fact]
    public async Task A_coupon_held_by_an_order_past_its_payment_window_is_free_before_the_sweep_runs()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 10_000, stock: 10);
        var coupon = await ClaimAsync(shop, "ann", await shop.AddCampaignAsync(value: 1_000));
        var lapsed = await shop.PlaceAsync("ann", product.Id, couponId: coupon.Id);
        shop.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(CouponState.Valid, await CouponStateAsync(shop, "ann", coupon.Id));
        var quote = (await shop.Orders.QuoteAsync("ann", [new CartLine(product.Id, 1)], coupon.Id)).Value!;
        Assert.Null(quote.CouponProblem);
        var fresh = await shop.PlaceAsync("ann", product.Id, couponId: coupon.Id);

        Assert.Equal(1_000, fresh.Discount);
        Assert.Equal(OrderStatus.Expired, await StatusAsync(shop, "ann", lapsed.Id));
        Assert.Equal(CouponState.Reserved, await CouponStateAsync(shop, "ann", coupon.Id));
        await AssertPayRefusedAsync(shop, "ann", lapsed.Id, ErrorCode.OrderNotAwaitingPayment);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task The_largest_possible_order_total_fits_without_overflow()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.ChargeAsync("ann", 1);
        var lines = new List<CartLine>();
        for (var i = 0; i < 50; i++)
        {
            lines.Add(new CartLine((await shop.AddProductAsync(price: Product.MaxPrice, stock: 999)).Id, 999));
        }

        var order = (await shop.Orders.PlaceAsync("ann", new PlaceOrder(lines, null, "big"))).Value!;

        Assert.Equal(50L * 999 * Product.MaxPrice, order.Total);
        var error = await AssertPayRefusedAsync(shop, "ann", order.Id, ErrorCode.InsufficientBalance);
        Assert.Equal(order.Total - 1, error.Shortfall);
    }
}
