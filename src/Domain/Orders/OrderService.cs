using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.DataPlatform;
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
    IDbContextFactory<ShopDbContext> contexts,
    IOptions<OrderOptions> options,
    CommandBatcher<PayOrder, PaymentReceipt> payments,
    OrderQueries queries,
    OutboxSignal outboxSignal,
    TimeProvider clock)
{
    private const int ExpiryBatchSize = 100;

    /// <summary>Prices a cart with an optional coupon without placing anything: what the cart page shows.</summary>
    public async Task<Result<CartQuote>> QuoteAsync(string shopperId, IReadOnlyList<CartLine> lines, int? issuedCouponId,
        CancellationToken ct = default)
    {
        if ((InputChecks.Shopper(shopperId) ?? CheckLines(lines)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var priced = await PriceAsync(db, lines, ct);
        if (!priced.IsSuccess)
        {
            return priced.Error;
        }

        var (cartLines, subtotal) = priced.Value;
        var views = cartLines.Select(l => new OrderLineView(l.Product.Id, l.Product.Name, l.Product.Price, l.Quantity,
            l.Product.Price * l.Quantity)).ToList();
        if (issuedCouponId is not { } couponId)
        {
            return new CartQuote(views, subtotal, 0, subtotal, CouponProblem: null);
        }

        var coupon = await LoadCouponAsync(db, couponId, ct);
        if ((coupon is null ? ShopError.NotFound("Coupon", couponId) : coupon.CheckUsableBy(shopperId, subtotal, Now)) is { } problem)
        {
            return new CartQuote(views, subtotal, 0, subtotal, problem);
        }

        var discount = coupon!.Campaign!.DiscountFor(subtotal);
        return new CartQuote(views, subtotal, discount, subtotal - discount, CouponProblem: null);
    }

    public async Task<Result<OrderView>> PlaceAsync(string shopperId, PlaceOrder command, CancellationToken ct = default)
    {
        if ((InputChecks.Shopper(shopperId) ?? InputChecks.RequestKey(command.RequestId, "order")) is { } invalid)
        {
            return invalid;
        }

        var result = await unitOfWork.RunAsync<Order>(async db =>
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
        }, ct);

        return result.IsSuccess ? await queries.GetMyOrderAsync(shopperId, result.Value.Id, ct) : result.Error;
    }

    public async Task<Result<PaymentReceipt>> PayAsync(string shopperId, int orderId, CancellationToken ct = default)
    {
        if (InputChecks.Shopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        var result = await payments.SubmitAsync(new PayOrder(shopperId, orderId)).WaitAsync(ct);
        if (result is { IsSuccess: true, Value.AlreadyPaid: false })
        {
            outboxSignal.Notify();
        }

        return result;
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

    /// <summary>Loads the cart's products (duplicate lines merged) and checks each is there and in stock.</summary>
    private static async Task<Result<(List<(Product Product, int Quantity)> Lines, long Subtotal)>> PriceAsync(
        ShopDbContext db, IReadOnlyList<CartLine> lines, CancellationToken ct)
    {
        var merged = lines.GroupBy(l => l.ProductId).Select(g => (ProductId: g.Key, Quantity: g.Sum(l => l.Quantity))).ToList();
        var ids = merged.Select(l => l.ProductId).ToList();
        var products = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var missing = merged.Where(l => !products.ContainsKey(l.ProductId)).Select(l => (int?)l.ProductId).FirstOrDefault();
        if (missing is { } missingId)
        {
            return new ShopError(ErrorCode.ProductUnavailable, $"Product {missingId} is not in the catalog.")
            {
                ProductId = missingId,
            };
        }

        var priced = merged.Select(l => (products[l.ProductId], l.Quantity)).ToList();
        if (Product.CheckCanSell(priced) is { } outOfStock)
        {
            return outOfStock;
        }

        return (priced, priced.Sum(l => l.Item1.Price * l.Quantity));
    }

}
