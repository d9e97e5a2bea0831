namespace ECommerce.Domain.Wallets;

/// <summary>One change of a wallet's balance. A wallet's balance always equals the sum of its entries' amounts.</summary>
public sealed class WalletLedgerEntry
{
    private WalletLedgerEntry()
    {
        ShopperId = "";
    }

    internal WalletLedgerEntry(string shopperId, LedgerEntryKind kind, long amount, long balanceAfter,
        DateTime createdAt, string? idempotencyKey = null, int? orderId = null)
    {
        ShopperId = shopperId;
        Kind = kind;
        Amount = amount;
        BalanceAfter = balanceAfter;
        CreatedAt = createdAt;
        IdempotencyKey = idempotencyKey;
        OrderId = orderId;
    }

    public long Id { get; private set; }
    public string ShopperId { get; private set; }
    public LedgerEntryKind Kind { get; private set; }

    /// <summary>Signed: positive adds to the balance, negative takes from it.</summary>
    public long Amount { get; private set; }

    public long BalanceAfter { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public int? OrderId { get; private set; }
}
