using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Wallets;

/// <summary>A shopper adds to their balance; group-committed by <see cref="WalletService.ChargeAsync"/>. The key charges once.</summary>
public sealed record ChargeWallet(string ShopperId, long Amount, string IdempotencyKey)
{
    /// <summary>
    /// One read of the wallets and one of the idempotency keys already used, then each charge in arrival
    /// order through <see cref="Wallet.Charge"/>, so two charges of one wallet see each other.
    /// </summary>
    internal sealed class Decision(IOptions<WalletOptions> options, TimeProvider clock)
        : BatchDecision<ChargeWallet, Decision.Rows, ChargeReceipt>(clock)
    {
        internal sealed record Rows(
            ShopDbContext Db,
            Dictionary<string, Wallet> Wallets,
            Dictionary<(string ShopperId, string Key), WalletLedgerEntry> Earlier,
            DateTime Now);

        protected override async Task<Rows> ReadAsync(ShopDbContext db, IReadOnlyList<ChargeWallet> charges, DateTime now)
        {
            var shoppers = charges.Select(c => c.ShopperId).ToHashSet();
            var keys = charges.Select(c => c.IdempotencyKey).Distinct().ToList();
            var wallets = await db.Wallets.Where(w => shoppers.Contains(w.ShopperId)).ToDictionaryAsync(w => w.ShopperId);
            // By key alone: the unique index leads with the key, so this is one seek per key (a second IN on the
            // shopper would make SQLite seek every key-shopper pair); another shopper's equal key is dropped here.
            var earlier = (await db.WalletLedger.Where(e => keys.Contains(e.IdempotencyKey!)).ToListAsync())
                .Where(e => shoppers.Contains(e.ShopperId))
                .ToDictionary(e => (e.ShopperId, e.IdempotencyKey!));
            return new Rows(db, wallets, earlier, now);
        }

        protected override Result<ChargeReceipt> Decide(Rows rows, ChargeWallet charge)
        {
            // A shopper who never charged has a wallet of zero, stored only when the charge goes through.
            var wallet = rows.Wallets.GetValueOrDefault(charge.ShopperId) ?? new Wallet(charge.ShopperId);
            if (rows.Earlier.TryGetValue((charge.ShopperId, charge.IdempotencyKey), out var first))
            {
                return first.Kind == LedgerEntryKind.Charge && first.Amount == charge.Amount
                    ? new ChargeReceipt(charge.Amount, wallet.Balance, AlreadyApplied: true)
                    : new ShopError(ErrorCode.IdempotencyKeyReused,
                        "This request key was already used for a different charge; reload the page and try again.");
            }

            if (wallet.CheckCanCharge(charge.Amount, options.Value) is { } refusal)
            {
                return refusal;
            }

            if (rows.Wallets.TryAdd(charge.ShopperId, wallet))
            {
                rows.Db.Wallets.Add(wallet);
            }

            var entry = wallet.Charge(charge.Amount, charge.IdempotencyKey, rows.Now, options.Value);
            rows.Db.WalletLedger.Add(entry);
            rows.Earlier[(charge.ShopperId, charge.IdempotencyKey)] = entry;
            return new ChargeReceipt(charge.Amount, wallet.Balance, AlreadyApplied: false);
        }
    }
}
