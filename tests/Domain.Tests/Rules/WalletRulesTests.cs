namespace ECommerce.Domain.Tests.Rules;

/// <summary>A wallet's charge and payment rules, without a database.</summary>
public sealed class WalletRulesTests
{
    private static readonly WalletOptions Limits = new() { MaxChargeAmount = 1_000_000, MaxBalance = 10_000_000 };

    [Theory]
    [InlineData(0, ErrorCode.ChargeNotPositive, "Enter an amount of at least ₩1.")]
    [InlineData(-5, ErrorCode.ChargeNotPositive, "Enter an amount of at least ₩1.")]
    [InlineData(1_000_001, ErrorCode.ChargeLimitExceeded, "One charge can be at most ₩1,000,000.")]
    public void A_charge_amount_outside_the_limits_is_refused_whatever_the_balance(long amount, ErrorCode code, string sentence)
    {
        var wallet = Entities.Wallet();

        Assert.Equal((code, sentence), (Wallet.CheckChargeAmount(amount, Limits)?.Code, Wallet.CheckChargeAmount(amount, Limits)?.Message));
        Assert.Equal(code, wallet.CheckCanCharge(amount, Limits)?.Code);
        Assert.Throws<InvalidOperationException>(() => wallet.Charge(amount, "key", Entities.Now, Limits));
        Assert.Equal(0, wallet.Balance);
    }

    [Fact]
    public void A_charge_past_the_balance_cap_is_refused_with_what_can_still_be_charged()
    {
        var wallet = Entities.Wallet(balance: 9_500_000);

        var refusal = wallet.CheckCanCharge(600_000, Limits);

        Assert.Equal(ErrorCode.BalanceCapExceeded, refusal?.Code);
        Assert.Equal("A balance may not exceed ₩10,000,000; you can charge at most ₩500,000 more.", refusal?.Message);
        Assert.Equal(9_500_000, refusal?.CurrentValue);
        Assert.Throws<InvalidOperationException>(() => wallet.Charge(600_000, "key", Entities.Now, Limits));
        Assert.Equal(9_500_000, wallet.Balance);
    }

    [Fact]
    public void A_charge_up_to_the_cap_adds_to_the_balance_and_writes_the_ledger()
    {
        var wallet = Entities.Wallet(balance: 9_500_000);

        var entry = wallet.Charge(500_000, "key", Entities.Now, Limits);

        Assert.Equal((10_000_000L, 500_000L, 10_000_000L, LedgerEntryKind.Charge), (wallet.Balance, entry.Amount, entry.BalanceAfter, entry.Kind));
    }

    [Fact]
    public void Paying_more_than_the_balance_is_refused_with_the_shortfall_and_changes_nothing()
    {
        var wallet = Entities.Wallet(balance: 3_000);

        var refusal = wallet.CheckCanPay(10_000);

        Assert.Equal(ErrorCode.InsufficientBalance, refusal?.Code);
        Assert.Equal("Your balance is ₩3,000 and this order costs ₩10,000: charge at least ₩7,000 more to pay for it.", refusal?.Message);
        Assert.Equal(7_000, refusal?.Shortfall);
        Assert.Throws<InvalidOperationException>(() => wallet.Pay(10_000, 1, Entities.Now));
        Assert.Equal(3_000, wallet.Balance);
    }

    [Fact]
    public void Paying_the_whole_balance_leaves_zero()
    {
        var wallet = Entities.Wallet(balance: 3_000);

        var entry = wallet.Pay(3_000, 7, Entities.Now);

        Assert.Equal((0L, -3_000L, (int?)7), (wallet.Balance, entry.Amount, entry.OrderId));
    }
}
