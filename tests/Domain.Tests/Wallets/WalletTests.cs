using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Wallets;

public sealed class WalletTests
{
    private static Task<Result<ChargeReceipt>> ChargeAsync(ShopHarness shop, string shopperId, long amount, string? key = null) =>
        shop.Wallets.ChargeAsync(shopperId, amount, key ?? Guid.NewGuid().ToString());

    private static void AssertRefused(Result<ChargeReceipt> result, ErrorCode code)
    {
        Assert.False(result.IsSuccess, $"Expected {code}, got {result}");
        Assert.Equal(code, result.Error.Code);
    }

    [Fact]
    public async Task A_charge_adds_to_the_balance_and_writes_a_ledger_entry()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.ChargeAsync("ann", 30_000);

        var receipt = await ChargeAsync(shop, "ann", 20_000);

        Assert.True(receipt.IsSuccess, receipt.ToString());
        Assert.Equal(new ChargeReceipt(20_000, 50_000, AlreadyApplied: false), receipt.Value);
        Assert.Equal(50_000, await shop.Wallets.GetBalanceAsync("ann"));
        var ledger = await shop.Wallets.GetLedgerAsync("ann");
        Assert.Equal(2, ledger.TotalCount);
        var newest = ledger.Items[0];
        Assert.Equal(LedgerEntryKind.Charge, newest.Kind);
        Assert.Equal(20_000, newest.Amount);
        Assert.Equal(50_000, newest.BalanceAfter);
        Assert.Null(newest.OrderId);
        Assert.Equal(ShopHarness.Start.UtcDateTime, newest.At);
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-50_000)]
    [InlineData(long.MinValue)]
    public async Task A_charge_of_zero_or_less_is_refused_and_changes_nothing(long amount)
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.ChargeAsync("ann", 5_000);
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await ChargeAsync(shop, "ann", amount);

        AssertRefused(result, ErrorCode.ChargeNotPositive);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        Assert.Equal(5_000, await shop.Wallets.GetBalanceAsync("ann"));
    }

    [Fact]
    public async Task A_charge_of_exactly_the_per_charge_limit_succeeds()
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await ChargeAsync(shop, "ann", 1_000_000);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1_000_000, result.Value.Balance);
        Assert.Equal(1_000_000, await shop.Wallets.GetBalanceAsync("ann"));
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [InlineData(1_000_001)]
    [InlineData(long.MaxValue)]
    public async Task A_charge_above_the_per_charge_limit_is_refused_and_changes_nothing(long amount)
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.ChargeAsync("ann", 5_000);
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await ChargeAsync(shop, "ann", amount);

        AssertRefused(result, ErrorCode.ChargeLimitExceeded);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        Assert.Equal(5_000, await shop.Wallets.GetBalanceAsync("ann"));
    }

    [Fact]
    public async Task Charging_up_to_exactly_the_balance_cap_succeeds_and_one_won_more_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();
        for (var i = 0; i < 9; i++)
        {
            await shop.ChargeAsync("ann", 1_000_000);
        }

        await shop.ChargeAsync("ann", 999_999);

        var toTheCap = await ChargeAsync(shop, "ann", 1);
        Assert.True(toTheCap.IsSuccess, toTheCap.ToString());
        Assert.Equal(10_000_000, toTheCap.Value.Balance);

        var before = await ShopSnapshot.TakeAsync(shop);
        var overTheCap = await ChargeAsync(shop, "ann", 1);

        AssertRefused(overTheCap, ErrorCode.BalanceCapExceeded);
        Assert.Equal(10_000_000, overTheCap.Error!.CurrentValue);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        Assert.Equal(10_000_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(11, (await shop.Wallets.GetLedgerAsync("ann")).TotalCount);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_charge_that_would_pass_the_cap_is_refused_whole_not_applied_in_part()
    {
        await using var shop = await ShopHarness.StartAsync();
        for (var i = 0; i < 9; i++)
        {
            await shop.ChargeAsync("ann", 1_000_000);
        }

        await shop.ChargeAsync("ann", 500_000);
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await ChargeAsync(shop, "ann", 600_000);

        AssertRefused(result, ErrorCode.BalanceCapExceeded);
        Assert.Equal(9_500_000, result.Error!.CurrentValue);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        Assert.Equal(9_500_000, await shop.Wallets.GetBalanceAsync("ann"));
    }

    [Fact]
    public async Task A_refused_first_charge_leaves_no_wallet_behind()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Shop:Wallet:MaxChargeAmount"] = "5000",
            ["Shop:Wallet:MaxBalance"] = "3000",
        };
        await using var shop = await ShopHarness.StartAsync(settings: settings);

        var result = await ChargeAsync(shop, "ann", 4_000);

        AssertRefused(result, ErrorCode.BalanceCapExceeded);
        Assert.Equal(0, result.Error!.CurrentValue);
        Assert.Equal(0, await shop.QueryAsync(db => db.Wallets.CountAsync()));
        Assert.Equal(0, await shop.QueryAsync(db => db.WalletLedger.CountAsync()));
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_charges_once()
    {
        await using var shop = await ShopHarness.StartAsync();

        var first = await ChargeAsync(shop, "ann", 7_000, "key-1");
        var second = await ChargeAsync(shop, "ann", 7_000, "key-1");

        Assert.True(first.IsSuccess, first.ToString());
        Assert.Equal(new ChargeReceipt(7_000, 7_000, AlreadyApplied: false), first.Value);
        Assert.True(second.IsSuccess, second.ToString());
        Assert.Equal(new ChargeReceipt(7_000, 7_000, AlreadyApplied: true), second.Value);
        Assert.Equal(7_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(1, (await shop.Wallets.GetLedgerAsync("ann")).TotalCount);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_amount_is_refused_and_changes_nothing()
    {
        await using var shop = await ShopHarness.StartAsync();
        await ChargeAsync(shop, "ann", 7_000, "key-1");
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await ChargeAsync(shop, "ann", 8_000, "key-1");

        AssertRefused(result, ErrorCode.IdempotencyKeyReused);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
        Assert.Equal(7_000, await shop.Wallets.GetBalanceAsync("ann"));
    }

    [Fact]
    public async Task An_idempotency_key_belongs_to_one_shopper_so_another_shopper_may_use_the_same_one()
    {
        await using var shop = await ShopHarness.StartAsync();

        var ann = await ChargeAsync(shop, "ann", 7_000, "key-1");
        var bob = await ChargeAsync(shop, "bob", 7_000, "key-1");

        Assert.False(ann.Value!.AlreadyApplied);
        Assert.False(bob.Value!.AlreadyApplied);
        Assert.Equal(7_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(7_000, await shop.Wallets.GetBalanceAsync("bob"));
        await shop.AssertInvariantsAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_charge_without_a_shopper_is_refused(string shopperId)
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await ChargeAsync(shop, shopperId, 1_000);

        AssertRefused(result, ErrorCode.InvalidInput);
        Assert.Equal(0, await shop.QueryAsync(db => db.WalletLedger.CountAsync()));
        Assert.Equal(0, await shop.QueryAsync(db => db.Wallets.CountAsync()));
    }

    public static TheoryData<string?> BadKeys => new() { null, "", new string('k', 101) };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_charge_with_a_missing_or_too_long_idempotency_key_is_refused(string? key)
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.ChargeAsync("ann", 1_000);
        var before = await ShopSnapshot.TakeAsync(shop);

        var result = await shop.Wallets.ChargeAsync("ann", 1_000, key!);

        AssertRefused(result, ErrorCode.InvalidInput);
        Assert.Equal(before, await ShopSnapshot.TakeAsync(shop));
    }

    [Fact]
    public async Task An_idempotency_key_of_exactly_100_characters_is_accepted()
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await ChargeAsync(shop, "ann", 1_000, new string('k', 100));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(1_000, await shop.Wallets.GetBalanceAsync("ann"));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task The_limits_come_from_configuration()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Shop:Wallet:MaxChargeAmount"] = "5000",
            ["Shop:Wallet:MaxBalance"] = "8000",
        };
        await using var shop = await ShopHarness.StartAsync(settings: settings);
        Assert.Equal(5_000, shop.Wallets.Limits.MaxChargeAmount);
        Assert.Equal(8_000, shop.Wallets.Limits.MaxBalance);

        var atLimit = await ChargeAsync(shop, "ann", 5_000);
        var overLimit = await ChargeAsync(shop, "ann", 5_001);
        var toCap = await ChargeAsync(shop, "ann", 3_000);
        var overCap = await ChargeAsync(shop, "ann", 1);

        Assert.True(atLimit.IsSuccess, atLimit.ToString());
        AssertRefused(overLimit, ErrorCode.ChargeLimitExceeded);
        Assert.True(toCap.IsSuccess, toCap.ToString());
        Assert.Equal(8_000, toCap.Value.Balance);
        AssertRefused(overCap, ErrorCode.BalanceCapExceeded);
        Assert.Equal(8_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(2, (await shop.Wallets.GetLedgerAsync("ann")).TotalCount);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task The_ledger_pages_newest_first_with_the_balance_after_each_entry()
    {
        await using var shop = await ShopHarness.StartAsync();
        foreach (var amount in new long[] { 1_000, 2_000, 3_000, 4_000, 5_000 })
        {
            await shop.ChargeAsync("ann", amount);
        }

        var first = await shop.Wallets.GetLedgerAsync("ann", page: 1, pageSize: 2);
        var second = await shop.Wallets.GetLedgerAsync("ann", page: 2, pageSize: 2);
        var third = await shop.Wallets.GetLedgerAsync("ann", page: 3, pageSize: 2);

        Assert.Equal([(5_000L, 15_000L), (4_000L, 10_000L)], first.Items.Select(e => (e.Amount, e.BalanceAfter)));
        Assert.Equal([(3_000L, 6_000L), (2_000L, 3_000L)], second.Items.Select(e => (e.Amount, e.BalanceAfter)));
        Assert.Equal([(1_000L, 1_000L)], third.Items.Select(e => (e.Amount, e.BalanceAfter)));
        Assert.Equal(5, first.TotalCount);
        Assert.Equal(3, first.PageCount);
    }

    [Fact]
    public async Task The_ledger_shows_a_payment_as_a_negative_entry_naming_the_order()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(price: 12_000);
        await shop.ChargeAsync("ann", 20_000);
        var order = await shop.PlaceAsync("ann", product.Id);
        Assert.True((await shop.Orders.PayAsync("ann", order.Id)).IsSuccess);

        var ledger = await shop.Wallets.GetLedgerAsync("ann");

        Assert.Equal(2, ledger.TotalCount);
        var payment = ledger.Items[0];
        Assert.Equal(LedgerEntryKind.Payment, payment.Kind);
        Assert.Equal(-12_000, payment.Amount);
        Assert.Equal(8_000, payment.BalanceAfter);
        Assert.Equal(order.Id, payment.OrderId);
        Assert.Equal(LedgerEntryKind.Charge, ledger.Items[1].Kind);
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task An_unknown_shopper_has_a_zero_balance_and_an_empty_ledger()
    {
        await using var shop = await ShopHarness.StartAsync();

        Assert.Equal(0, await shop.Wallets.GetBalanceAsync("nobody"));
        var ledger = await shop.Wallets.GetLedgerAsync("nobody");
        Assert.Empty(ledger.Items);
        Assert.Equal(0, ledger.TotalCount);
        Assert.Equal(0, ledger.PageCount);
    }

    [Fact]
    public async Task A_shopper_never_sees_another_shoppers_balance_or_ledger()
    {
        await using var shop = await ShopHarness.StartAsync();
        await shop.ChargeAsync("ann", 1_000);
        await shop.ChargeAsync("bob", 2_000);
        await shop.ChargeAsync("ann", 3_000);

        var annLedger = await shop.Wallets.GetLedgerAsync("ann");
        var bobLedger = await shop.Wallets.GetLedgerAsync("bob");

        Assert.Equal([3_000L, 1_000L], annLedger.Items.Select(e => e.Amount));
        Assert.Equal([2_000L], bobLedger.Items.Select(e => e.Amount));
        Assert.Equal(4_000, await shop.Wallets.GetBalanceAsync("ann"));
        Assert.Equal(2_000, await shop.Wallets.GetBalanceAsync("bob"));
        await shop.AssertInvariantsAsync();
    }

    [Fact]
    public async Task A_blank_idempotency_key_is_refused()
    {
        await using var shop = await ShopHarness.StartAsync();

        var result = await shop.Wallets.ChargeAsync("ann", 1_000, "   ");

        Assert.Equal(ErrorCode.InvalidInput, result.Error!.Code);
        Assert.Equal(0, await shop.Wallets.GetBalanceAsync("ann"));
    }
}
