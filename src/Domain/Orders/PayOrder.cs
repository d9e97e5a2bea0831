using ECommerce.Domain.Catalog;
using ECommerce.Domain.Requests;
using ECommerce.Domain.Wallets;

namespace ECommerce.Domain.Orders;

/// <summary>
/// A shopper pays one of their orders from their balance; group-committed by <see cref="OrderService.PayAsync(string, int, CancellationToken)"/>.
/// Under a client's key (<paramref name="Key"/>) the answer is kept in the same batch as the payment.
/// </summary>
public sealed record PayOrder(string ShopperId, int OrderId, RequestKey<PaymentReceipt>? Key = null)
{
    /// <summary>The payment's span (W3C traceparent), carried into its outbox message so the delivery joins its trace.</summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// One read each of the orders (with lines and coupons), the wallets and the products (this hour's sales are
    /// added to in SQL, not read); then each payment in arrival order through <see cref="Order.Pay"/>, so the last units of a product
    /// go to the first payer and a second payment of an order finds it paid.
    /// </summary>
    internal sealed class Decision(TimeProvider clock) : BatchDecision<PayOrder, Decision.Rows, PaymentReceipt>(clock)
    {
        internal sealed record Rows(
            Dictionary<int, Order> Orders,
            Dictionary<string, Wallet> Wallets,
            Dictionary<int, Product> Products,
            KeptAnswers Kept,
            DateTime Now)
        {
            public PaymentWrites Writes { get; } = new();
        }

        // Compiled once: a batch's reads skip EF's per-query translation (each list is one parameter, see ShopStore).
        // Untracked: the batch writes its rows itself (PaymentWrites), so EF has nothing to snapshot or scan.
        private static readonly CompiledPerModel<Func<ShopDbContext, List<int>, IAsyncEnumerable<Order>>> OrdersOf = new(() =>
            EF.CompileAsyncQuery((ShopDbContext db, List<int> ids) => db.Orders.AsNoTracking()
                .Include(o => o.Lines).Include(o => o.IssuedCoupon).ThenInclude(c => c!.Campaign)
                .Where(o => ids.Contains(o.Id))));

        private static readonly CompiledPerModel<Func<ShopDbContext, List<string>, IAsyncEnumerable<Wallet>>> WalletsOf = new(() =>
            EF.CompileAsyncQuery((ShopDbContext db, List<string> shoppers) => db.Wallets.AsNoTracking().Where(w => shoppers.Contains(w.ShopperId))));

        private static readonly CompiledPerModel<Func<ShopDbContext, List<int>, IAsyncEnumerable<Product>>> ProductsOf = new(() =>
            EF.CompileAsyncQuery((ShopDbContext db, List<int> ids) => db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))));

        protected override async Task<Rows> ReadAsync(ShopDbContext db, IReadOnlyList<PayOrder> payments, DateTime now)
        {
            var orderIds = payments.Select(p => p.OrderId).Distinct().ToList();
            var orders = await OrdersOf.For(db)(db, orderIds).ToDictionaryAsync(o => o.Id);
            var shoppers = payments.Select(p => p.ShopperId).Distinct().ToList();
            var wallets = await WalletsOf.For(db)(db, shoppers).ToDictionaryAsync(w => w.ShopperId);
            var productIds = orders.Values.SelectMany(o => o.Lines).Select(l => l.ProductId).Distinct().ToList();
            var products = await ProductsOf.For(db)(db, productIds).ToDictionaryAsync(p => p.Id);
            var keys = payments.Where(p => p.Key is not null).Select(p => (p.ShopperId, p.Key!.Key)).ToHashSet();
            var kept = await KeptAnswers.ReadAsync(db, keys, now);
            return new Rows(orders, wallets, products, kept, now);
        }

        protected override Result<PaymentReceipt> Decide(Rows rows, PayOrder payment) =>
            payment.Key is { } key ? rows.Kept.Decide(payment.ShopperId, key, () => DecideOne(rows, payment)) : DecideOne(rows, payment);

        private static Result<PaymentReceipt> DecideOne(Rows rows, PayOrder payment)
        {
            var order = rows.Orders.GetValueOrDefault(payment.OrderId);
            if (Order.CheckOwner(order, payment.OrderId, payment.ShopperId) is { } notYours)
            {
                return notYours;
            }

            // A shopper who never charged has a wallet of zero; paying a free order creates it.
            var wallet = rows.Wallets.GetValueOrDefault(payment.ShopperId) ?? new Wallet(payment.ShopperId);
            if (order!.Status == OrderStatus.Paid)
            {
                return new PaymentReceipt(order.Id, order.Total, wallet.Balance, order.PaidAt!.Value, AlreadyPaid: true);
            }

            var paid = order.Pay(wallet, rows.Products, rows.Now);
            if (!paid.IsSuccess)
            {
                return paid.Error;
            }

            Record(rows, order, wallet, paid.Value, payment.TraceParent);
            return new PaymentReceipt(order.Id, order.Total, wallet.Balance, rows.Now, AlreadyPaid: false);
        }

        /// <summary>What the payment adds: the new wallet, the debit, the payment, this hour's sales, the data-platform message.</summary>
        private static void Record(Rows rows, Order order, Wallet wallet, PaidOrder paid, string? traceParent)
        {
            if (rows.Wallets.TryAdd(wallet.ShopperId, wallet))
            {
                rows.Writes.NewWallet(wallet);
            }

            rows.Writes.Paid(order, wallet, paid, rows.Products, OrderPaidMessage.For(order, traceParent));
        }

        /// <summary>
        /// The batch's rows and the answers kept under the payments' keys, set-based, in the unit's transaction (or one
        /// of its own when the unit read outside any: the Optimistic shape). The context tracks nothing to save.
        /// </summary>
        protected override async Task WriteAsync(ShopDbContext db, Rows rows)
        {
            if (rows.Writes.IsEmpty && !rows.Kept.HasNew)
            {
                return;
            }

            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
            var statements = new StatementBatch(db);
            rows.Writes.Write(db, statements, rows.Now);
            rows.Kept.Write(statements);
            await statements.ExecuteAsync();
            if (own is not null)
            {
                await own.CommitAsync();
            }
        }
    }
}
