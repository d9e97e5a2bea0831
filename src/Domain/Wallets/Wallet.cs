namespace ECommerce.Domain.Wallets;

/// <summary>
/// A shopper's balance in won. Changes only through <see cref="Charge"/> and <see cref="Pay"/>, each leaving a
/// ledger entry; each refuses through its check (<see cref="CheckCanCharge"/>, <see cref="CheckCanPay"/>) first.
/// </summary>
public sealed class Wallet
{
    private Wallet()
    {
        ShopperId = "";
    }

    /// <summary>A shopper who never charged has a wallet of zero, made when they first charge or pay.</summary>
    internal Wallet(string shopperId)
    {
        ShopperId = shopperId;
    }

    public string ShopperId { get; private set; }
    public long Balance { get; private set; }
    public long Version { get; private set; }

    /// <summary>The rules of one charge's amount alone, whatever the balance: checked before a charge waits for its batch.</summary>
    public static ShopError? CheckChargeAmount(long amount, WalletOptions limits) =>
        amount <= 0 ? new ShopError(ErrorCode.ChargeNotPositive, "Enter an amount of at least ₩1.")
        : amount > limits.MaxChargeAmount ? new ShopError(ErrorCode.ChargeLimitExceeded,
            $"One charge can be at most {Money.Format(limits.MaxChargeAmount)}.")
        : null;

    public ShopError? CheckCanCharge(long amount, WalletOptions limits) =>
        CheckChargeAmount(amount, limits)
        ?? (Balance + amount > limits.MaxBalance
            ? new ShopError(ErrorCode.BalanceCapExceeded,
                $"A balance may not exceed {Money.Format(limits.MaxBalance)}; you can charge at most " +
                $"{Money.Format(limits.MaxBalance - Balance)} more.")
            {
                CurrentValue = Balance,
            }
            : null);

    /// <summary>Refused with the missing amount, so the shopper knows what to charge.</summary>
    public ShopError? CheckCanPay(long amount) =>
        amount > Balance
            ? new ShopError(ErrorCode.InsufficientBalance,
                $"Your balance is {Money.Format(Balance)} and this order costs {Money.Format(amount)}: " +
                $"charge at least {Money.Format(amount - Balance)} more to pay for it.")
            {
                Shortfall = amount - Balance,
            }
            : null;

    internal WalletLedgerEntry Charge(long amount, string idempotencyKey, DateTime at, WalletOptions limits)
    {
        if (CheckCanCharge(amount, limits) is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }

        Balance = checked(Balance + amount);
        return new WalletLedgerEntry(ShopperId, LedgerEntryKind.Charge, amount, Balance, at, idempotencyKey);
    }

    internal WalletLedgerEntry Pay(long amount, int orderId, DateTime at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (CheckCanPay(amount) is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }

        Balance -= amount;
        return new WalletLedgerEntry(ShopperId, LedgerEntryKind.Payment, -amount, Balance, at, orderId: orderId);
    }
}
