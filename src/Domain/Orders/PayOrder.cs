using ECommerce.Domain.Catalog;
using ECommerce.Domain.Wallets;

namespace ECommerce.Domain.Orders;

/// <summary>A shopper pays one of their orders from their balance; group-committed by <see cref="OrderService.PayAsync"/>.</summary>
public sealed record PayOrder(string ShopperId, int OrderId)
{
    /// <summary>
    /// One read each of the orders (with lines and coupons), the wallets, the products and this hour's sales
    /// rows; then each payment in arrival order through <see cref="Order.Pay"/>, so the last units of a product
    /// go to the first payer and a second payment of an order finds it paid.
    /// </summary>
    internal sealed class Decision(TimeProvider clock) : BatchDecision<PayOrder, Decision.Rows, PaymentReceipt>(clock)
    {
        internal sealed record Rows(
            ShopDbContext Db,
            Dictionary<int, Order> Orders,
            Dictionary<string, Wallet> Wallets,
            Dictionary<int, Product> Products,
            Dictionary<int, ProductSalesHour> Sales,
            DateTime Now);

        protected override async Task<Rows> ReadAsync(ShopDbContext db, IReadOnlyList<PayOrder> payments, DateTime now)
        {
            var orderIds = payments.Select(p => p.OrderId).Distinct().ToList();
            var orders = await OrderQueries.WithLinesAndCoupon(db.Orders)
                .Where(o => orderIds.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id);
            var shoppers = payments.Select(p => p.ShopperId).Distinct().ToList();
            var wallets = await db.Wallets.Where(w => shoppers.Contains(w.ShopperId)).ToDictionaryAsync(w => w.ShopperId);
            var productIds = orders.Values.SelectMany(o => o.Lines).Select(l => l.ProductId).Distinct().ToList();
            var products = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
            var hour = ProductSalesHour.HourOf(now);
            var sales = await db.ProductSalesHours
                .Where(s => s.HourStart == hour && productIds.Contains(s.ProductId))
                .ToDictionaryAsync(s => s.ProductId);
            return new Rows(db, orders, wallets, products, sales, now);
        }

        protected override Result<PaymentReceipt> Decide(Rows rows, PayOrder payment)
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

            Record(rows, order, wallet, paid.Value);
            return new PaymentReceipt(order.Id, order.Total, wallet.Balance, rows.Now, AlreadyPaid: false);
        }

        /// <summary>What the payment adds: the new wallet, the debit, the payment, this hour's sales, the data-platform message.</summary>
        private static void Record(Rows rows, Order order, Wallet wallet, PaidOrder paid)
        {
            if (rows.Wallets.TryAdd(wallet.ShopperId, wallet))
            {
                rows.Db.Wallets.Add(wallet);
            }

            foreach (var line in order.Lines)
            {
                if (!rows.Sales.TryGetValue(line.ProductId, out var hourly))
                {
                    rows.Sales[line.ProductId] = hourly = new ProductSalesHour(line.ProductId, ProductSalesHour.HourOf(rows.Now));
                    rows.Db.ProductSalesHours.Add(hourly);
                }

                hourly.Record(line.Quantity);
            }

            rows.Db.WalletLedger.Add(paid.Debit);
            rows.Db.Payments.Add(paid.Payment);
            rows.Db.Outbox.Add(OrderPaidMessage.For(order));
        }
    }
}
