using ECommerce.Domain.Diagnostics;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Wallets;

/// <summary>A shopper's balance: look at it, page through its history, charge it.</summary>
public sealed class WalletService(
    ShopDatabase database,
    IOptions<WalletOptions> options,
    CommandBatcher<ChargeWallet, ChargeReceipt> charges,
    ShopMetrics metrics)
{
    public WalletOptions Limits => options.Value;

    public async Task<long> GetBalanceAsync(string shopperId, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        return await db.Wallets.Where(w => w.ShopperId == shopperId).Select(w => w.Balance).FirstOrDefaultAsync(ct);
    }

    /// <summary>Newest first.</summary>
    public async Task<Page<LedgerEntryView>> GetLedgerAsync(string shopperId, int page = 1, int pageSize = 20,
        CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        return await db.WalletLedger
            .Where(e => e.ShopperId == shopperId)
            .OrderByDescending(e => e.Id)
            .Select(e => new LedgerEntryView(e.Id, e.Kind, e.Amount, e.BalanceAfter, e.CreatedAt, e.OrderId))
            .ToPageAsync(page, pageSize, ct);
    }

    /// <summary>
    /// Adds <paramref name="amount"/> won. The same <paramref name="idempotencyKey"/> charges once: a
    /// repeat returns the first charge's receipt.
    /// </summary>
    public async Task<Result<ChargeReceipt>> ChargeAsync(string shopperId, long amount, string idempotencyKey,
        CancellationToken ct = default)
    {
        var limits = options.Value;
        if ((InputChecks.Shopper(shopperId) ?? InputChecks.RequestKey(idempotencyKey, "charge")) is { } invalid)
        {
            return invalid;
        }

        var charged = Wallet.CheckChargeAmount(amount, limits) is { } refused
            ? refused
            : await charges.SubmitAsync(new ChargeWallet(shopperId, amount, idempotencyKey)).WaitAsync(ct);
        metrics.Record(ShopAction.Charge, charged);
        return charged;
    }
}
