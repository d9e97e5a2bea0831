using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
using ECommerce.Domain.Diagnostics;
using ECommerce.Domain.Requests;
using ECommerce.Domain.Wallets;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Orders;

/// <summary>
/// Orders from cart to payment. Placing freezes prices and reserves the coupon; paying checks stock again,
/// debits the balance, deducts stock, uses the coupon, counts the sale and queues the data-platform message,
/// all in one transaction, or changes nothing.
/// </summary>
public sealed class OrderService(
    UnitOfWork unitOfWork,
    ShopDatabase database,
    IOptions<OrderOptions> options,
    CommandBatcher<OrderPlacement, Order> placements,
    CommandBatcher<PayOrder, PaymentReceipt> payments,
    OutboxSignal outboxSignal,
    ShopMetrics metrics,
    TimeProvider clock)
{
    private const int ExpiryBatchSize = 100;

    /// <summary>
    /// Prices a cart with an optional coupon without placing anything, or refuses with what placing it would
    /// say (an empty cart, a product gone, too little stock).
    /// </summary>
    public async Task<Result<CartQuote>> QuoteAsync(string shopperId, IReadOnlyList<CartLine> lines, int? issuedCouponId,
        CancellationToken ct = default)
    {
        var review = await ReviewCartAsync(shopperId, lines, issuedCouponId, ct);
        return review is { IsSuccess: true, Value.Problem: { } problem } ? problem : review;
    }

    /// <summary>
    /// Everything the cart and checkout pages show, decided here so no page restates a rule: each line's price
    /// and what the shelf lacks for it, the chosen coupon's discount or why it does not apply, how much each
    /// coupon the shopper holds still needs, the balance and how much it lacks, and in
    /// <see cref="CartQuote.Problem"/> the refusal placing the cart would meet. Refuses only a visitor who is not signed in.
    /// </summary>
    public async Task<Result<CartQuote>> ReviewCartAsync(string shopperId, IReadOnlyList<CartLine> lines, int? issuedCouponId,
        CancellationToken ct = default)
    {
        if (InputChecks.Shopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        var now = Now;
        await using var db = await database.OpenAsync(ct);
        var (priced, missing) = await LoadLinesAsync(db, lines ?? [], ct);
        var subtotal = priced.Sum(l => l.Product.Price * l.Quantity);
        var problem = CartLines.Check(lines, options.Value) ?? missing ?? Product.CheckCanSell(priced);
        var held = (await db.IssuedCoupons.AsNoTracking().Include(c => c.Campaign)
                .Where(c => c.ShopperId == shopperId && c.UsedAt == null && c.ExpiresAt > now)
                .ToListAsync(ct))
            .Where(c => c.StateAt(now) == CouponState.Valid)
            .ToList();
        var coupon = issuedCouponId is { } couponId
            ? held.FirstOrDefault(c => c.Id == couponId) ?? await LoadCouponAsync(db, couponId, ct)
            : null;
        var couponProblem = issuedCouponId is { } id
            ? coupon is null ? ShopError.NotFound("Coupon", id) : coupon.CheckUsableBy(shopperId, subtotal, now)
            : null;
        var discount = coupon is not null && couponProblem is null ? coupon.Campaign!.DiscountFor(subtotal) : 0;
        var wallet = await db.Wallets.AsNoTracking().FirstOrDefaultAsync(w => w.ShopperId == shopperId, ct) ?? new Wallet(shopperId);
        return new CartQuote(
            priced.Select(l => new QuoteLine(l.Product.Id, l.Product.Name, l.Product.Price, l.Quantity, l.Product.Price * l.Quantity,
                l.Product.Stock, l.Product.ShortageOf(l.Quantity), l.Product.ShortageSentence(l.Quantity))).ToList(),
            subtotal, discount, subtotal - discount, couponProblem)
        {
            Problem = problem,
            Coupons = held.Select(c => new CouponFit(c.Id, c.Campaign!.CheckMinimumOrder(subtotal)?.Shortfall)).ToList(),
            Balance = wallet.Balance,
            BalanceShortfall = wallet.CheckCanPay(subtotal - discount)?.Shortfall ?? 0,
        };
    }

    public async Task<Result<OrderView>> PlaceAsync(string shopperId, PlaceOrder command, CancellationToken ct = default)
    {
        if ((InputChecks.Shopper(shopperId) ?? InputChecks.RequestKey(command.RequestId, "order")) is { } invalid)
        {
            return invalid;
        }

        var placed = await placements.SubmitAsync(new OrderPlacement(shopperId, command)).WaitAsync(ct);
        return placed.Map(OrderQueries.ToView);
    }

    /// <summary>
    /// Places the order under a client's key, the answer kept in the order's own batch: a repeat gets the first
    /// answer and places nothing, and a second request under the key racing the first cannot place a second order.
    /// </summary>
    public async Task<KeyedReply> PlaceAsync(string shopperId, PlaceOrder command, RequestKey<OrderView> key, CancellationToken ct = default)
    {
        if ((InputChecks.Shopper(shopperId) ?? IdempotentRequests.CheckKey(shopperId, key.Key)
                ?? InputChecks.RequestKey(command.RequestId, "order")) is { } invalid)
        {
            return new KeyedReply(key.Answer(invalid).Outcome, Replayed: false);
        }

        return Reply(await placements.SubmitAsync(new OrderPlacement(shopperId, command, key)).WaitAsync(ct), key);
    }

    public async Task<Result<PaymentReceipt>> PayAsync(string shopperId, int orderId, CancellationToken ct = default)
    {
        if (InputChecks.Shopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        var result = await SubmitPaymentAsync(new PayOrder(shopperId, orderId), ct);
        metrics.Record(ShopAction.Payment, result);
        return result;
    }

    /// <summary>
    /// Pays under a client's key, the answer kept in the payment's own batch: a repeat gets the first answer, and the
    /// key used for another order is refused without paying it, even when both requests race.
    /// </summary>
    public async Task<KeyedReply> PayAsync(string shopperId, int orderId, RequestKey<PaymentReceipt> key, CancellationToken ct = default)
    {
        if ((InputChecks.Shopper(shopperId) ?? IdempotentRequests.CheckKey(shopperId, key.Key)) is { } invalid)
        {
            return new KeyedReply(key.Answer(invalid).Outcome, Replayed: false);
        }

        return Reply(await SubmitPaymentAsync(new PayOrder(shopperId, orderId, key), ct), key);
    }

    /// <summary>
    /// The payment's span (its trace travels with the command into the outbox message, so the delivery joins it), the
    /// batch's outcome, and the dispatcher woken for a new payment's message.
    /// </summary>
    private async Task<Result<PaymentReceipt>> SubmitPaymentAsync(PayOrder command, CancellationToken ct)
    {
        using var payment = ShopTracing.Source.StartActivity("shop.pay-order");
        payment?.SetTag("shop.order_id", command.OrderId);
        var result = await payments.SubmitAsync(command with { TraceParent = ShopTracing.CurrentTraceParent() }).WaitAsync(ct);
        payment?.SetTag("shop.outcome", result.IsSuccess ? "accepted" : result.Error.Code.ToString());
        if (result is { IsSuccess: true, Value.AlreadyPaid: false })
        {
            outboxSignal.Notify();
        }

        return result;
    }

    /// <summary>The answer a keyed command's batch left in its key, unless the batch's unit failed and nothing it answered was committed.</summary>
    private static KeyedReply Reply<TResult, T>(Result<TResult> batched, RequestKey<T> key) =>
        batched.Error?.Code == ErrorCode.Busy ? new KeyedReply(key.Answer(batched.Error).Outcome, Replayed: false) : key.Reply!;

    /// <summary>Cancels an order awaiting payment; its coupon becomes usable again.</summary>
    public async Task<Result<OrderView>> CancelAsync(string shopperId, int orderId, CancellationToken ct = default)
    {
        if (InputChecks.Shopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        var result = await unitOfWork.RunAsync<Order>(async db =>
        {
            var order = await OrderQueries.LoadOrderAsync(db.Orders, orderId, ct);
            if ((Order.CheckOwner(order, orderId, shopperId) ?? order!.CheckAwaitingPayment()) is { } refusal)
            {
                return refusal;
            }

            order!.Cancel(Now);
            return order;
        }, ct);
        return result.Map(OrderQueries.ToView);
    }

    /// <summary>Expires every order whose payment window has closed, releasing their coupons. Returns how many.</summary>
    public async Task<int> ExpireStaleOrdersAsync(CancellationToken ct = default)
    {
        var expired = 0;
        while (true)
        {
            var batch = await unitOfWork.RunAsync<int>(async db =>
            {
                var now = Now;
                var stale = await db.Orders
                    .Include(o => o.IssuedCoupon)
                    .Where(o => o.Status == OrderStatus.AwaitingPayment && o.ExpiresAt <= now)
                    .OrderBy(o => o.Id)
                    .Take(ExpiryBatchSize)
                    .ToListAsync(ct);
                stale.ForEach(o => o.Expire(now));
                return stale.Count;
            }, ct);

            expired += batch.Value;
            if (!batch.IsSuccess || batch.Value < ExpiryBatchSize)
            {
                return expired;
            }
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static Task<IssuedCoupon?> LoadCouponAsync(ShopDbContext db, int couponId, CancellationToken ct) =>
        db.IssuedCoupons.Include(c => c.Campaign).FirstOrDefaultAsync(c => c.Id == couponId, ct);

    /// <summary>The cart's products, duplicate lines merged; a product no longer in the catalog is left out and named.</summary>
    private static async Task<(List<(Product Product, int Quantity)> Lines, ShopError? Missing)> LoadLinesAsync(
        ShopDbContext db, IReadOnlyList<CartLine> lines, CancellationToken ct)
    {
        var ids = lines.Select(l => l.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return CartLines.Price(lines, products);
    }
}
