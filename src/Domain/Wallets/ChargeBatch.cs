namespace ECommerce.Domain.Wallets;

/// <summary>One charge as it waits in the <see cref="CommandBatcher{TCommand,TResult}"/> of <see cref="WalletService"/>.</summary>
internal sealed record Charge(string ShopperId, long Amount, string IdempotencyKey);

/// <summary>
/// Decides a batch of charges in one unit of work: one read of the wallets and one of the idempotency keys
/// already used, then each charge in arrival order, so two charges of one wallet see each other.
/// </summary>
internal static class ChargeBatch
{
    public static async Task<Result<ChargeReceipt>[]> DecideAsync(
        ShopDbContext db, IReadOnlyList<Charge> charges, WalletOptions limits, DateTime now)
    {
        var shoppers = charges.Select(c => c.ShopperId).ToHashSet();
        var keys = charges.Select(c => c.IdempotencyKey).Distinct().ToList();
        var wallets = await db.Wallets.Where(w => shoppers.Contains(w.ShopperId)).ToDictionaryAsync(w => w.ShopperId);
        // By key alone: the unique index leads with the key, so this is one seek per key (a second IN on the
        // shopper would make SQLite seek every key-shopper pair); another shopper's equal key is dropped here.
        var earlier = (await db.WalletLedger.Where(e => keys.Contains(e.IdempotencyKey!)).ToListAsync())
            .Where(e => shoppers.Contains(e.ShopperId))
            .ToDictionary(e => (e.ShopperId, e.IdempotencyKey!));

        return charges.Select(charge => Decide(db, charge, limits, now, wallets, earlier)).ToArray();
    }

    private static Result<ChargeReceipt> Decide(ShopDbContext db, Charge charge, WalletOptions limits, DateTime now,
        Dictionary<string, Wallet> wallets, Dictionary<(string, string), WalletLedgerEntry> earlier)
    {
        var wallet = wallets.GetValueOrDefault(charge.ShopperId);
        if (earlier.TryGetValue((charge.ShopperId, charge.IdempotencyKey), out var first))
        {
            return first.Kind == LedgerEntryKind.Charge && first.Amount == charge.Amount
                ? new ChargeReceipt(charge.Amount, wallet?.Balance ?? 0, AlreadyApplied: true)
                : new ShopError(ErrorCode.IdempotencyKeyReused,
                    "This request key was already used for a different charge; reload the page and try again.");
        }

        var balance = wallet?.Balance ?? 0;
        if (balance + charge.Amount > limits.MaxBalance)
        {
            return new ShopError(ErrorCode.BalanceCapExceeded,
                $"A balance may not exceed {Money.Format(limits.MaxBalance)}; you can charge at most " +
                $"{Money.Format(limits.MaxBalance - balance)} more.")
            {
                CurrentValue = balance,
            };
        }

        if (wallet is null)
        {
            wallets[charge.ShopperId] = wallet = new Wallet(charge.ShopperId);
            db.Wallets.Add(wallet);
        }

        var entry = wallet.Charge(charge.Amount, charge.IdempotencyKey, now);
        db.WalletLedger.Add(entry);
        earlier[(charge.ShopperId, charge.IdempotencyKey)] = entry;
        return new ChargeReceipt(charge.Amount, wallet.Balance, AlreadyApplied: false);
    }
}
