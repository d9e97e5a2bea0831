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
    CommandBatcher<PayOrder, PaymentReceipt> payments,
    OrderQueries queries,
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
        var problem = CheckLines(lines) ?? missing ?? Product.CheckCanSell(priced);
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

        var result = await unitOfWork.RunAsync(db => PlaceInAsync(db, shopperId, command, ct), ct);
        return result.IsSuccess ? await queries.GetMyOrderAsync(shopperId, result.Value.Id, ct) : result.Error;
    }

    /// <summary>
    /// Places the order under a client's key, keeping the answer in the same transaction: a repeat gets the first
    /// answer and places nothing, and a second request under the key racing the first cannot place a second order.
    /// </summary>
    public async Task<KeyedReply> PlaceAsync(string shopperId, PlaceOrder command, RequestKey<OrderView> key, CancellationToken ct = default)
    {
        if ((InputChecks.Shopper(shopperId) ?? IdempotentRequests.CheckKey(shopperId, key.Key)
                ?? InputChecks.RequestKey(command.RequestId, "order")) is { } invalid)
        {
            return new KeyedReply(key.Answer(invalid).Outcome, Replayed: false);
        }

        var result = await unitOfWork.RunAsync<KeyedReply>(async db =>
        {
            var kept = await KeptAnswers.ReadAsync(db, [(shopperId, key.Key)], Now, ct);
            if (kept.Has(shopperId, key.Key))
            {
                kept.Decide(db, shopperId, key, () => KeptAnswers.Replayed);
                return key.Reply!;
            }

            var placed = await PlaceInAsync(db, shopperId, command, ct);
            // The order is saved before its answer is written (the answer carries its id): both in one transaction,
            // the unit's own, or one of this unit's when the shape reads outside any (Optimistic).
            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            Result<OrderView> view;
            if (placed.IsSuccess)
            {
                await db.SaveChangesAsync(ct);
                view = OrderQueries.ToView((await OrderQueries.LoadOrderAsync(db.Orders, placed.Value.Id, ct))!);
            }
            else
            {
                // A refusal changes nothing: only its answer is kept.
                db.ChangeTracker.Clear();
                view = placed.Error;
            }

            kept.Keep(db, shopperId, key, view);
            if (own is not null)
            {
                await db.SaveChangesAsync(ct);
                await own.CommitAsync(ct);
            }

            return key.Reply!;
        }, ct);
        return result.IsSuccess ? result.Value : new KeyedReply(key.Answer(result.Error).Outcome, Replayed: false);
    }

    /// <summary>The order placed (or found placed by the same request before) in the unit's context, unsaved.</summary>
    private async Task<Result<Order>> PlaceInAsync(ShopDbContext db, string shopperId, PlaceOrder command, CancellationToken ct)
    {
        // A repeated request gets the first order back, whatever its lines say now (the cart was emptied by it).
        var placedBefore = await db.Orders
            .FirstOrDefaultAsync(o => o.ShopperId == shopperId && o.RequestId == command.RequestId, ct);
        if (placedBefore is not null)
        {
            return placedBefore;
        }

        if (CheckLines(command.Lines) is { } invalidLines)
        {
            return invalidLines;
        }

        var priced = await PriceAsync(db, command.Lines, ct);
        if (!priced.IsSuccess)
        {
            return priced.Error;
        }

        var now = Now;
        var order = new Order(shopperId, command.RequestId, now, now + options.Value.PaymentWindow);
        foreach (var (product, quantity) in priced.Value.Lines)
        {
            order.AddLine(product.Id, product.Name, product.Price, quantity);
        }

        if (command.IssuedCouponId is { } couponId)
        {
            var coupon = await LoadCouponAsync(db, couponId, ct);
            if ((coupon is null ? ShopError.NotFound("Coupon", couponId) : coupon.CheckUsableBy(shopperId, order.Subtotal, now)) is { } problem)
            {
                return problem;
            }

            if (coupon!.ReservationLapsedAt(now) && await db.Orders.FindAsync([coupon.OrderId], ct) is { } lapsed)
            {
                lapsed.Expire(now); // Its window closed: it lets the coupon go before this order takes it.
            }

            order.ApplyCoupon(coupon!, coupon!.Campaign!.DiscountFor(order.Subtotal));
        }

        db.Orders.Add(order);
        HoldCoupon(db, order);
        return order;
    }

    public async Task<Result<PaymentReceipt>> PayAsync(string shopperId, int orderId, CancellationToken ct = default)
    {
        if (InputChecks.Shopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        using var payment = ShopTracing.Source.StartActivity("shop.pay-order");
        payment?.SetTag("shop.order_id", orderId);
        var result = await payments.SubmitAsync(new PayOrder(shopperId, orderId) { TraceParent = ShopTracing.CurrentTraceParent() }).WaitAsync(ct);
        metrics.Record(ShopAction.Payment, result);
        payment?.SetTag("shop.outcome", result.IsSuccess ? "accepted" : result.Error.Code.ToString());
        if (result is { IsSuccess: true, Value.AlreadyPaid: false })
        {
            outboxSignal.Notify();
        }

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

        using var payment = ShopTracing.Source.StartActivity("shop.pay-order");
        payment?.SetTag("shop.order_id", orderId);
        var result = await payments.SubmitAsync(new PayOrder(shopperId, orderId, key) { TraceParent = ShopTracing.CurrentTraceParent() }).WaitAsync(ct);
        payment?.SetTag("shop.outcome", result.IsSuccess ? "accepted" : result.Error.Code.ToString());
        if (result.Error?.Code == ErrorCode.Busy)
        {
            // The batch's unit failed: whatever a run of it answered was not committed.
            return new KeyedReply(key.Answer(result.Error).Outcome, Replayed: false);
        }

        if (result is { IsSuccess: true, Value.AlreadyPaid: false })
        {
            outboxSignal.Notify();
        }

        return key.Reply!;
    }

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

    /// <summary>
    /// The coupon refers to its order by id, and a new order has none until it is saved: its key, still
    /// temporary, goes into the coupon's OrderId, and EF writes the real one in its place when it saves.
    /// </summary>
    private static void HoldCoupon(ShopDbContext db, Order order)
    {
        if (order.IssuedCoupon is { } coupon)
        {
            db.Entry(coupon).Property(c => c.OrderId).CurrentValue = db.Entry(order).Property(o => o.Id).CurrentValue;
        }
    }

    private static Task<IssuedCoupon?> LoadCouponAsync(ShopDbContext db, int couponId, CancellationToken ct) =>
        db.IssuedCoupons.Include(c => c.Campaign).FirstOrDefaultAsync(c => c.Id == couponId, ct);

    private ShopError? CheckLines(IReadOnlyList<CartLine>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            return new ShopError(ErrorCode.EmptyCart, "Your cart is empty.");
        }

        var limits = options.Value;
        if (lines.Select(l => l.ProductId).Distinct().Count() > limits.MaxLines)
        {
            return new ShopError(ErrorCode.InvalidQuantity, $"An order can hold at most {limits.MaxLines} different products.");
        }

        // Each line on its own first: a negative line must not hide inside a merged total.
        var quantities = lines.Select(l => (l.ProductId, Quantity: (long)l.Quantity))
            .Concat(lines.GroupBy(l => l.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(l => (long)l.Quantity))));
        foreach (var (productId, quantity) in quantities)
        {
            if (quantity < 1 || quantity > limits.MaxQuantityPerLine)
            {
                return new ShopError(ErrorCode.InvalidQuantity,
                    $"The quantity of product {productId} must be between 1 and {limits.MaxQuantityPerLine}.")
                {
                    ProductId = productId,
                };
            }
        }

        return null;
    }

    /// <summary>Loads the cart's products, duplicate lines merged, and checks each is there and in stock.</summary>
    private static async Task<Result<(List<(Product Product, int Quantity)> Lines, long Subtotal)>> PriceAsync(
        ShopDbContext db, IReadOnlyList<CartLine> lines, CancellationToken ct)
    {
        var (priced, missing) = await LoadLinesAsync(db, lines, ct);
        if ((missing ?? Product.CheckCanSell(priced)) is { } refusal)
        {
            return refusal;
        }

        return (priced, priced.Sum(l => l.Product.Price * l.Quantity));
    }

    /// <summary>The cart's products, duplicate lines merged; a product no longer in the catalog is left out and named.</summary>
    private static async Task<(List<(Product Product, int Quantity)> Lines, ShopError? Missing)> LoadLinesAsync(
        ShopDbContext db, IReadOnlyList<CartLine> lines, CancellationToken ct)
    {
        var merged = lines.GroupBy(l => l.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(l => l.Quantity))).ToList();
        var ids = merged.Select(l => l.ProductId).ToList();
        var products = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var missing = merged.Where(l => !products.ContainsKey(l.ProductId)).Select(l => (int?)l.ProductId).FirstOrDefault();
        var priced = merged.Where(l => products.ContainsKey(l.ProductId)).Select(l => (products[l.ProductId], l.Quantity)).ToList();
        return (priced, missing is { } missingId
            ? new ShopError(ErrorCode.ProductUnavailable, $"Product {missingId} is not in the catalog.") { ProductId = missingId }
            : null);
    }

}
