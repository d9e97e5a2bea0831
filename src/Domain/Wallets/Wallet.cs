namespace ECommerce.Domain.Wallets;

/// <summary>A shopper's balance in won. Changes only through <see cref="Charge"/> and <see cref="Pay"/>, each leaving a ledger entry.</summary>
public sealed class Wallet
{
    private Wallet()
    {
        ShopperId = "";
    }

    internal Wallet(string shopperId)
    {
        ShopperId = shopperId;
    }

    public string ShopperId { get; private set; }
    public long Balance { get; private set; }
    public long Version { get; private set; }

    internal WalletLedgerEntry Charge(long amount, string idempotencyKey, DateTime at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Balance = checked(Balance + amount);
        return new WalletLedgerEntry(ShopperId, LedgerEntryKind.Charge, amount, Balance, at, idempotencyKey);
    }

    internal WalletLedgerEntry Pay(long amount, int orderId, DateTime at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (amount > Balance)
        {
            throw new InvalidOperationException($"Wallet of {ShopperId} cannot pay {amount} from {Balance}.");
        }

        Balance -= amount;
        return new WalletLedgerEntry(ShopperId, LedgerEntryKind.Payment, -amount, Balance, at, orderId: orderId);
    }
}
