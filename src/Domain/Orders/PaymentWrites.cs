using ECommerce.Domain.Catalog;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Wallets;

namespace ECommerce.Domain.Orders;

/// <summary>
/// What a payment batch decided, written set-based: one statement per table for the whole batch instead of EF's
/// one statement per row (about ten per paid order), its change tracking and its command building, which were most of
/// a paid order's processor time. The rules stay in <see cref="Order.Pay"/>; this only writes what it decided. Every
/// changed wallet, product, order and coupon is still guarded by its "Version": an UPDATE that touches fewer rows
/// than it names means another writer got there first, and the unit of work reruns the batch. Standard SQL
/// (UPDATE … FROM (VALUES …), INSERT … ON CONFLICT) that SQLite and PostgreSQL both run.
/// </summary>
internal sealed class PaymentWrites
{
    private readonly List<(Order Order, PaidOrder Paid, OutboxMessage Message)> _paid = [];
    private readonly Dictionary<string, Wallet> _wallets = [];
    private readonly HashSet<string> _newWallets = [];
    private readonly Dictionary<int, Product> _products = [];
    private readonly Dictionary<int, long> _unitsSold = [];

    public bool IsEmpty => _paid.Count == 0;

    /// <summary>A wallet the batch made (a shopper who never charged pays a free order): inserted, not updated.</summary>
    public void NewWallet(Wallet wallet) => _newWallets.Add(wallet.ShopperId);

    public void Paid(Order order, Wallet wallet, PaidOrder paid, IReadOnlyDictionary<int, Product> products, OutboxMessage message)
    {
        _paid.Add((order, paid, message));
        _wallets[wallet.ShopperId] = wallet;
        foreach (var line in order.Lines)
        {
            _products[line.ProductId] = products[line.ProductId];
            _unitsSold[line.ProductId] = _unitsSold.GetValueOrDefault(line.ProductId) + line.Quantity;
        }
    }

    /// <summary>Into the caller's statements, sent together in its transaction; the rows' in-memory versions are those read (the UPDATEs bump them).</summary>
    public void Write(ShopDbContext db, StatementBatch batch, DateTime now)
    {
        batch.Add(SetBasedWrites.Insert("Wallets", ["ShopperId", "Balance", "Version"],
            _newWallets.Select(id => new object[] { id, _wallets.TryGetValue(id, out var w) ? w.Balance : 0L, 0L })));
        batch.Add(SetBasedWrites.UpdateVersioned("Wallets", "ShopperId", ["Balance"],
            _wallets.Values.Where(w => !_newWallets.Contains(w.ShopperId)).Select(w => ((object)w.ShopperId, w.Version, new object[] { w.Balance }))));
        batch.Add(SetBasedWrites.UpdateVersioned("Products", "Id", ["Stock"],
            _products.Values.Select(p => ((object)p.Id, p.Version, new object[] { p.Stock }))));
        batch.Add(SetBasedWrites.UpdateVersioned("Orders", "Id", ["Status", "PaidAt"],
            _paid.Select(p => ((object)p.Order.Id, p.Order.Version, new object[] { nameof(OrderStatus.Paid), now }))));
        batch.Add(SetBasedWrites.UpdateVersioned("IssuedCoupons", "Id", ["UsedAt"],
            _paid.Where(p => p.Order.IssuedCoupon is not null)
                .Select(p => ((object)p.Order.IssuedCoupon!.Id, p.Order.IssuedCoupon!.Version, new object[] { now }))));
        batch.Add(SetBasedWrites.Insert("WalletLedger", ["ShopperId", "Kind", "Amount", "BalanceAfter", "CreatedAt", "OrderId"],
            _paid.Select(p => new object[]
            {
                p.Paid.Debit.ShopperId, p.Paid.Debit.Kind.ToString(), p.Paid.Debit.Amount, p.Paid.Debit.BalanceAfter,
                p.Paid.Debit.CreatedAt, p.Paid.Debit.OrderId!.Value,
            })));
        batch.Add(SetBasedWrites.Insert("Payments", ["OrderId", "ShopperId", "Amount", "PaidAt"],
            _paid.Select(p => new object[] { p.Paid.Payment.OrderId, p.Paid.Payment.ShopperId, p.Paid.Payment.Amount, p.Paid.Payment.PaidAt })));
        batch.Add(SetBasedWrites.Insert("Outbox", ["Type", "IdempotencyKey", "Payload", "CreatedAt", "State", "Attempts", "NextAttemptAt", "TraceParent"],
            _paid.Select(p => new object[]
            {
                p.Message.Type, p.Message.IdempotencyKey, p.Message.Payload, p.Message.CreatedAt, p.Message.State.ToString(),
                p.Message.Attempts, p.Message.NextAttemptAt, (object?)p.Message.TraceParent ?? DBNull.Value,
            })));
        // Added to, not overwritten: the hour's row may have been written by another process since it was read.
        batch.Add(SetBasedWrites.Insert("ProductSalesHours", ["ProductId", "HourStart", "UnitsSold"],
            _unitsSold.Select(s => new object[] { s.Key, ProductSalesHour.HourOf(now), s.Value }),
            """ ON CONFLICT ("ProductId", "HourStart") DO UPDATE SET "UnitsSold" = "ProductSalesHours"."UnitsSold" + excluded."UnitsSold" """));

        // Written by hand, so not seen by the context's save: noted for the open pages (stock, the orders' figures) here.
        if (db.Changes is { } changes)
        {
            changes.Products.UnionWith(_products.Keys);
            changes.Orders = true;
        }
    }
}
