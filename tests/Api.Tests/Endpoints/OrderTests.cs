namespace ECommerce.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class OrderTests(ApiFactory shop)
{
    /// <summary>
    /// Requests racing under one key: those asking what the winning request asked all get its one answer; every other
    /// one is refused for reusing the key.
    /// </summary>
    private static void AssertOneAnswerForTheWinnerOnly(IEnumerable<(bool AsWinner, HttpStatusCode Status, string Body)> answers,
        HttpStatusCode won)
    {
        var all = answers.ToList();
        Assert.All(all.Where(a => a.AsWinner), a => Assert.Equal(won, a.Status));
        Assert.Single(all.Where(a => a.AsWinner).Select(a => a.Body).Distinct());
        Assert.All(all.Where(a => !a.AsWinner), a =>
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, a.Status);
            Assert.Contains("IdempotencyKeyReused", a.Body, StringComparison.Ordinal);
        });
    }

    private static object Lines(params (int ProductId, int Quantity)[] lines) =>
        new { lines = lines.Select(l => new { productId = l.ProductId, quantity = l.Quantity }).ToArray() };

    [Fact]
    public async Task Place_and_pay_moves_money_and_stock_and_the_order_shows_paid()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 100_000);
        var (scarf, mug) = (await shop.AddProductAsync(20_000, 5), await shop.AddProductAsync(5_000, 5));

        using var placed = await shopper.PostAsync("/api/orders", Lines((scarf, 2), (mug, 1)));
        var order = await placed.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal("AwaitingPayment", order.GetProperty("status").GetString());
        Assert.Equal(45_000, order.GetProperty("total").GetInt64());
        var id = order.GetProperty("id").GetInt32();

        using var paid = await shopper.PostAsync($"/api/orders/{id}/payment");
        var receipt = await paid.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);
        Assert.Equal(55_000, receipt.GetProperty("balance").GetInt64());
        Assert.Equal(55_000, await shopper.BalanceAsync());
        Assert.Equal(3, (await shopper.GetJsonAsync($"/api/products/{scarf}")).GetProperty("stock").GetInt32());
        Assert.Equal("Paid", (await shopper.GetJsonAsync($"/api/orders/{id}")).GetProperty("status").GetString());
        var mine = await shopper.GetJsonAsync("/api/orders?page=1");
        Assert.Equal(id, mine.GetProperty("items")[0].GetProperty("id").GetInt32());
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_coupon_takes_its_discount_off_the_order()
    {
        using var admin = await shop.AdminAsync();
        var code = await admin.AddCampaignAsync(discount: 3_000);
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 50_000);
        using var claimed = await shopper.PostAsync("/api/coupons/claim", new { couponCode = code });
        var couponId = (await claimed.ReadJsonAsync()).GetProperty("id").GetInt32();
        var product = await shop.AddProductAsync(10_000, 5);

        using var placed = await shopper.PostAsync("/api/orders", new { lines = new[] { new { productId = product, quantity = 1 } }, couponId });
        var order = await placed.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal(3_000, order.GetProperty("discount").GetInt64());
        Assert.Equal(7_000, order.GetProperty("total").GetInt64());
        Assert.Equal(code, order.GetProperty("coupon").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Paying_with_too_little_balance_is_402_with_the_shortfall_and_changes_nothing()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 4_000);
        var product = await shop.AddProductAsync(10_000, 5);
        using var placed = await shopper.PostAsync("/api/orders", Lines((product, 1)));
        var id = (await placed.ReadJsonAsync()).GetProperty("id").GetInt32();
        var before = await shop.FingerprintAsync();

        using var refused = await shopper.PostAsync($"/api/orders/{id}/payment");
        var problem = await refused.AssertProblemAsync(HttpStatusCode.PaymentRequired, "InsufficientBalance");
        Assert.Equal(6_000, problem.GetProperty("shortfall").GetInt64());
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Paying_when_the_stock_ran_out_is_409_and_the_payer_keeps_the_money()
    {
        var product = await shop.AddProductAsync(1_000, 1);
        using var ann = await ApiShopper.SignUpAsync(shop, balance: 5_000);
        using var bob = await ApiShopper.SignUpAsync(shop, balance: 5_000);
        using var annOrder = await ann.PostAsync("/api/orders", Lines((product, 1)));
        using var bobOrder = await bob.PostAsync("/api/orders", Lines((product, 1)));
        using var annPaid = await ann.PostAsync($"/api/orders/{(await annOrder.ReadJsonAsync()).GetProperty("id").GetInt32()}/payment");
        Assert.Equal(HttpStatusCode.OK, annPaid.StatusCode);

        using var bobPaid = await bob.PostAsync($"/api/orders/{(await bobOrder.ReadJsonAsync()).GetProperty("id").GetInt32()}/payment");
        await bobPaid.AssertProblemAsync(HttpStatusCode.Conflict, "OutOfStock");
        Assert.Equal(5_000, await bob.BalanceAsync());
    }

    [Theory]
    [InlineData(0, HttpStatusCode.BadRequest, "InvalidQuantity")]
    [InlineData(-1, HttpStatusCode.BadRequest, "InvalidQuantity")]
    [InlineData(10, HttpStatusCode.Conflict, "OutOfStock")]
    public async Task A_refused_order_places_nothing(int quantity, HttpStatusCode status, string code)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var product = await shop.AddProductAsync(1_000, 3);
        var before = await shop.FingerprintAsync();

        using var refused = await shopper.PostAsync("/api/orders", Lines((product, quantity)));
        await refused.AssertProblemAsync(status, code);
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task An_empty_order_or_an_unknown_product_is_refused()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var empty = await shopper.PostAsync("/api/orders", new { lines = Array.Empty<object>() });
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "EmptyCart");
        using var unknown = await shopper.PostAsync("/api/orders", Lines((987_654, 1)));
        await unknown.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "ProductUnavailable");
        using var noCoupon = await shopper.PostAsync("/api/orders",
            new { lines = new[] { new { productId = await shop.AddProductAsync(1_000, 3), quantity = 1 } }, couponId = 987_654 });
        await noCoupon.AssertProblemAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task Another_shoppers_order_is_404_for_reading_paying_and_cancelling()
    {
        using var owner = await ApiShopper.SignUpAsync(shop, balance: 10_000);
        using var other = await ApiShopper.SignUpAsync(shop, balance: 10_000);
        using var placed = await owner.PostAsync("/api/orders", Lines((await shop.AddProductAsync(1_000, 3), 1)));
        var id = (await placed.ReadJsonAsync()).GetProperty("id").GetInt32();
        var before = await shop.FingerprintAsync();

        // Answered exactly as an order that does not exist: the API does not even tell that it does.
        using var read = await other.GetAsync($"/api/orders/{id}");
        var problem = await read.AssertProblemAsync(HttpStatusCode.NotFound, "NotFound");
        Assert.Equal($"Order {id} was not found.", problem.GetProperty("message").GetString());
        using var pay = await other.PostAsync($"/api/orders/{id}/payment");
        await pay.AssertProblemAsync(HttpStatusCode.NotFound, "NotFound");
        using var cancel = await other.PostAsync($"/api/orders/{id}/cancellation");
        await cancel.AssertProblemAsync(HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
        Assert.Equal(0, (await other.GetJsonAsync("/api/orders")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Cancelling_ends_an_unpaid_order_and_a_cancelled_or_paid_order_cannot_change_again()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 10_000);
        var product = await shop.AddProductAsync(1_000, 3);
        using var placed = await shopper.PostAsync("/api/orders", Lines((product, 1)));
        var id = (await placed.ReadJsonAsync()).GetProperty("id").GetInt32();

        using var cancelled = await shopper.PostAsync($"/api/orders/{id}/cancellation");
        Assert.Equal("Cancelled", (await cancelled.ReadJsonAsync()).GetProperty("status").GetString());
        using var payCancelled = await shopper.PostAsync($"/api/orders/{id}/payment");
        await payCancelled.AssertProblemAsync(HttpStatusCode.Conflict, "OrderNotAwaitingPayment");

        using var second = await shopper.PostAsync("/api/orders", Lines((product, 1)));
        var paidId = (await second.ReadJsonAsync()).GetProperty("id").GetInt32();
        using var paid = await shopper.PostAsync($"/api/orders/{paidId}/payment");
        using var cancelPaid = await shopper.PostAsync($"/api/orders/{paidId}/cancellation");
        await cancelPaid.AssertProblemAsync(HttpStatusCode.Conflict, "OrderNotAwaitingPayment");
    }

    [Fact]
    public async Task A_repeated_place_with_the_same_key_places_one_order_and_answers_the_same()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var product = await shop.AddProductAsync(1_000, 5);
        using var first = await shopper.PostAsync("/api/orders", Lines((product, 2)), "place-once");
        using var repeat = await shopper.PostAsync("/api/orders", Lines((product, 2)), "place-once");

        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal(1, (await shopper.GetJsonAsync("/api/orders")).GetProperty("total").GetInt32());

        using var other = await shopper.PostAsync("/api/orders", Lines((product, 3)), "place-once");
        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "IdempotencyKeyReused");
        Assert.Equal(1, (await shopper.GetJsonAsync("/api/orders")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Repeats_of_one_keyed_place_racing_each_other_place_one_order()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var product = await shop.AddProductAsync(1_000, 50);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var placed = await shopper.PostAsync("/api/orders", Lines((product, 1)), "racing-key");
            return ((int)placed.StatusCode, (await placed.ReadJsonAsync()).GetProperty("id").GetInt32());
        }));

        Assert.All(answers, a => Assert.Equal(201, a.Item1));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        Assert.Equal(1, (await shopper.GetJsonAsync("/api/orders")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task One_key_racing_to_place_two_different_orders_places_one_and_refuses_the_other_body()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var product = await shop.AddProductAsync(1_000, 50);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async n =>
        {
            using var placed = await shopper.PostAsync("/api/orders", Lines((product, 1 + n % 2)), "one-key-two-bodies");
            return (Quantity: 1 + n % 2, Status: placed.StatusCode, Body: await placed.Content.ReadAsStringAsync());
        }));

        var orders = await shopper.GetJsonAsync("/api/orders");
        Assert.Equal(1, orders.GetProperty("total").GetInt32());
        var won = orders.GetProperty("items")[0].GetProperty("units").GetInt32();
        // Every request asking what the placed order asked gets its answer; every other one is refused and places nothing.
        AssertOneAnswerForTheWinnerOnly(answers.Select(a => (a.Quantity == won, a.Status, a.Body)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task One_key_racing_to_pay_two_orders_pays_one_of_them_once()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 10_000);
        var product = await shop.AddProductAsync(1_000, 50);
        var ids = new List<int>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var placed = await shopper.PostAsync("/api/orders", Lines((product, 1)));
            ids.Add((await placed.ReadJsonAsync()).GetProperty("id").GetInt32());
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async n =>
        {
            using var paid = await shopper.PostAsync($"/api/orders/{ids[n % 2]}/payment", idempotencyKey: "one-key-two-orders");
            return (Order: ids[n % 2], Status: paid.StatusCode, Body: await paid.Content.ReadAsStringAsync());
        }));

        var statuses = new List<string>();
        foreach (var id in ids)
        {
            statuses.Add((await shopper.GetJsonAsync($"/api/orders/{id}")).GetProperty("status").GetString()!);
        }

        Assert.Single(statuses, "Paid");
        var paidOrder = ids[statuses.IndexOf("Paid")];
        Assert.Equal(9_000, await shopper.BalanceAsync());
        AssertOneAnswerForTheWinnerOnly(answers.Select(a => (a.Order == paidOrder, a.Status, a.Body)), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_repeated_pay_with_the_same_key_returns_the_first_outcome_even_a_refusal()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 500);
        using var placed = await shopper.PostAsync("/api/orders", Lines((await shop.AddProductAsync(1_000, 5), 1)));
        var id = (await placed.ReadJsonAsync()).GetProperty("id").GetInt32();

        using var refused = await shopper.PostAsync($"/api/orders/{id}/payment", idempotencyKey: "pay-1");
        await refused.AssertProblemAsync(HttpStatusCode.PaymentRequired, "InsufficientBalance");
        using var charged = await shopper.PostAsync("/api/wallet/charges", new { amount = 10_000 });
        // The same key answers what it answered first; a new attempt is a new key.
        using var repeat = await shopper.PostAsync($"/api/orders/{id}/payment", idempotencyKey: "pay-1");
        Assert.Equal(HttpStatusCode.PaymentRequired, repeat.StatusCode);
        Assert.Equal(10_500, await shopper.BalanceAsync());

        using var paid = await shopper.PostAsync($"/api/orders/{id}/payment", idempotencyKey: "pay-2");
        using var paidAgain = await shopper.PostAsync($"/api/orders/{id}/payment", idempotencyKey: "pay-2");
        Assert.Equal(HttpStatusCode.OK, paidAgain.StatusCode);
        Assert.Equal(await paid.Content.ReadAsStringAsync(), await paidAgain.Content.ReadAsStringAsync());
        Assert.Equal(9_500, await shopper.BalanceAsync());

        using var otherOrder = await shopper.PostAsync("/api/orders/1/payment", idempotencyKey: "pay-2");
        await otherOrder.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "IdempotencyKeyReused");
    }

    [Theory]
    [InlineData("{\"lines\":[{\"productId\":\"one\",\"quantity\":1}]}", "MalformedRequest")]
    [InlineData("{\"lines\":{\"productId\":1}}", "MalformedRequest")]
    [InlineData("{\"lines\":[{\"productId\":1}]}", "MalformedRequest")]
    [InlineData("{\"lines\":null}", "MalformedRequest")]
    [InlineData("{\"lines\":[{\"productId\":1,\"quantity\":1}],\"couponId\":\"x\"}", "MalformedRequest")]
    [InlineData("\"just a string\"", "MalformedRequest")]
    [InlineData("", "MalformedRequest")]
    [InlineData("{\"lines\":[null]}", "InvalidInput")]
    public async Task A_malformed_order_body_is_400_and_places_nothing(string body, string code)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        var before = await shop.FingerprintAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var refused = await shopper.Http.PostAsync(new Uri("/api/orders", UriKind.Relative), content);

        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }
}
