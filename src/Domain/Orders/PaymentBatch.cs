using ECommerce.Domain.Catalog;
using ECommerce.Domain.Wallets;

namespace ECommerce.Domain.Orders;

/// <summary>One payment as it waits in the <see cref="CommandBatcher{TCommand,TResult}"/> of <see cref="OrderService"/>.</summary>
internal sealed record PayOrder(string ShopperId, int OrderId);

/// <summary>
/// Decides a batch of payments in one unit of work: one read each of the orders (with lines and coupons),
/// the wallets, the products and this hour's sales rows, then each payment in arrival order, so the last
/// units of a product go to the first payer and a second payment of an order finds it paid.
/// </summary>
internal static class PaymentBatch
{
    public static async Task<Result<PaymentReceipt>[]> DecideAsync(ShopDbContext db, IReadOnlyList<PayOrder> payments, DateTime now)
    {
        var orderIds = payments.Select(p => p.OrderId).Distinct().ToList();
        var orders = await OrderService.WithLinesAndCoupon(db.Orders)
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

        var batch = new Batch(db, wallets, products, sales, hour, now);
        return payments.Select(p => batch.Decide(p, orders.GetValueOrDefault(p.OrderId))).ToArray();
    }

    private sealed record Batch(
        ShopDbContext Db,
        Dictionary<string, Wallet> Wallets,
        Dictionary<int, Product> Products,
        Dictionary<int, ProductSalesHour> Sales,
        DateTime Hour,
        DateTime Now)
    {
        /// <summary>
        /// Every refusal comes before any change, in the order the shopper should hear it: not theirs, no
        /// longer payable, out of stock, not enough balance.
        /// </summary>
        public Result<PaymentReceipt> Decide(PayOrder payment, Order? order)
        {
            if (OrderService.CheckOwner(order, payment.OrderId, payment.ShopperId) is { } notYours)
            {
                return notYours;
            }

            var wallet = Wallets.GetValueOrDefault(payment.ShopperId);
            if (order!.Status == OrderStatus.Paid)
            {
                return new PaymentReceipt(order.Id, order.Total, wallet?.Balance ?? 0, order.PaidAt!.Value, AlreadyPaid: true);
            }

            if (OrderService.CheckAwaitingPayment(order, Now) is { } closed)
            {
                return closed;
            }

            if (OrderService.CheckStock(order.Lines.Select(l => (Products[l.ProductId], l.Quantity))) is { } outOfStock)
            {
                return outOfStock;
            }

            var balance = wallet?.Balance ?? 0;
            if (balance < order.Total)
            {
                var shortfall = order.Total - balance;
                return new ShopError(ErrorCode.InsufficientBalance,
                    $"Your balance is {Money.Format(balance)} and this order costs {Money.Format(order.Total)}: " +
                    $"charge at least {Money.Format(shortfall)} more to pay for it.")
                {
                    Shortfall = shortfall,
                };
            }

            return Pay(order, wallet ?? NewWallet(payment.ShopperId));
        }

        private PaymentReceipt Pay(Order order, Wallet wallet)
        {
            foreach (var line in order.Lines)
            {
                Products[line.ProductId].Sell(line.Quantity);
                if (!Sales.TryGetValue(line.ProductId, out var hourly))
                {
                    Sales[line.ProductId] = hourly = new ProductSalesHour(line.ProductId, Hour);
                    Db.ProductSalesHours.Add(hourly);
                }

                hourly.Record(line.Quantity);
            }

            Db.WalletLedger.Add(wallet.Pay(order.Total, order.Id, Now));
            order.MarkPaid(Now);
            Db.Payments.Add(new Payment(order, order.Total, Now));
            Db.Outbox.Add(OrderPaidMessage.For(order));
            return new PaymentReceipt(order.Id, order.Total, wallet.Balance, Now, AlreadyPaid: false);
        }

        /// <summary>A shopper who never charged has a wallet of zero; paying a free order creates it.</summary>
        private Wallet NewWallet(string shopperId)
        {
            var wallet = new Wallet(shopperId);
            Wallets[shopperId] = wallet;
            Db.Wallets.Add(wallet);
            return wallet;
        }
    }
}
