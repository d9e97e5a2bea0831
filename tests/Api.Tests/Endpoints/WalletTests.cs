namespace ECommerce.Api.Tests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class WalletTests(ApiFactory shop)
{
    [Fact]
    public async Task A_charge_raises_the_balance_and_shows_in_the_ledger()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        Assert.Equal(0, await shopper.BalanceAsync());

        using var charged = await shopper.PostAsync("/api/wallet/charges", new { amount = 25_000 });
        var receipt = await charged.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, charged.StatusCode);
        Assert.Equal(25_000, receipt.GetProperty("balance").GetInt64());
        Assert.Equal(25_000, await shopper.BalanceAsync());

        var ledger = await shopper.GetJsonAsync("/api/wallet/ledger?page=1&pageSize=10");
        var entry = Assert.Single(ledger.GetProperty("items").EnumerateArray());
        Assert.Equal("Charge", entry.GetProperty("kind").GetString());
        Assert.Equal(25_000, entry.GetProperty("amount").GetInt64());
        Assert.EndsWith("Z", entry.GetProperty("at").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, HttpStatusCode.BadRequest, "ChargeNotPositive")]
    [InlineData(-5, HttpStatusCode.BadRequest, "ChargeNotPositive")]
    [InlineData(1_000_001, HttpStatusCode.UnprocessableEntity, "ChargeLimitExceeded")]
    public async Task A_refused_charge_changes_nothing(long amount, HttpStatusCode status, string code)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 1_000);
        var before = await shop.FingerprintAsync();

        using var refused = await shopper.PostAsync("/api/wallet/charges", new { amount }, idempotencyKey: Guid.NewGuid().ToString());
        await refused.AssertProblemAsync(status, code);
        Assert.Equal(1_000, await shopper.BalanceAsync());
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Charging_past_the_balance_cap_is_422()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        for (var i = 0; i < 10; i++)
        {
            using var charged = await shopper.PostAsync("/api/wallet/charges", new { amount = 1_000_000 });
            Assert.Equal(HttpStatusCode.OK, charged.StatusCode);
        }

        using var refused = await shopper.PostAsync("/api/wallet/charges", new { amount = 1 });
        await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "BalanceCapExceeded");
    }

    [Fact]
    public async Task A_repeated_charge_with_the_same_key_charges_once_and_answers_the_same()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var first = await shopper.PostAsync("/api/wallet/charges", new { amount = 7_000 }, "charge-once");
        using var repeat = await shopper.PostAsync("/api/wallet/charges", new { amount = 7_000 }, "charge-once");

        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(7_000, await shopper.BalanceAsync());
        Assert.Single((await shopper.GetJsonAsync("/api/wallet/ledger")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_same_key_for_a_different_amount_is_422_and_changes_nothing()
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var first = await shopper.PostAsync("/api/wallet/charges", new { amount = 7_000 }, "charge-key");
        var before = await shop.FingerprintAsync();

        using var other = await shopper.PostAsync("/api/wallet/charges", new { amount = 9_000 }, "charge-key");
        await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "IdempotencyKeyReused");
        Assert.Equal(7_000, await shopper.BalanceAsync());
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Keys_are_per_shopper_two_shoppers_may_use_the_same_one()
    {
        using var ann = await ApiShopper.SignUpAsync(shop);
        using var bob = await ApiShopper.SignUpAsync(shop);
        using var annCharge = await ann.PostAsync("/api/wallet/charges", new { amount = 1_000 }, "shared-key");
        using var bobCharge = await bob.PostAsync("/api/wallet/charges", new { amount = 2_000 }, "shared-key");

        Assert.Equal(HttpStatusCode.OK, bobCharge.StatusCode);
        Assert.False(bobCharge.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1_000, await ann.BalanceAsync());
        Assert.Equal(2_000, await bob.BalanceAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("x-101-chars-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task A_blank_or_overlong_key_is_400_and_charges_nothing(string key)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop);
        using var refused = await shopper.PostAsync("/api/wallet/charges", new { amount = 1_000 }, key);
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "InvalidInput");
        Assert.Equal(0, await shopper.BalanceAsync());
    }

    [Theory]
    [InlineData("{\"amount\":\"lots\"}")]
    [InlineData("{\"amount\":1.5}")]
    [InlineData("{\"amount\":99999999999999999999999}")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"amount\":")]
    public async Task A_malformed_charge_body_is_400_and_changes_nothing(string body)
    {
        using var shopper = await ApiShopper.SignUpAsync(shop, balance: 500);
        var before = await shop.FingerprintAsync();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var refused = await shopper.Http.PostAsync(new Uri("/api/wallet/charges", UriKind.Relative), content);

        await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "MalformedRequest");
        Assert.Equal(before, await shop.FingerprintAsync(), StringComparer.Ordinal);
    }
}
