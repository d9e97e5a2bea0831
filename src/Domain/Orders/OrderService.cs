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
    OutboxSignal outboxSignal,
    TimeProvider clock) : IAsyncDisposable
{
    private const int ExpiryBatchSize = 100;

    private readonly CommandBatcher<PayOrder, PaymentReceipt> _payments = new(unitOfWork,
        (db, payments) => PaymentBatch.DecideAsync(db, payments, clock.GetUtcNow().UtcDateTime));

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
        if (CheckCoupon(coupon, couponId, shopperId, subtotal, Now) is { } problem)
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
                if (CheckCoupon(coupon, couponId, shopperId, order.Subtotal, now) is { } problem)
                {
                    return problem;
                }

                if (coupon!.ReservationLapsedAt(now))
                {
                    coupon.Order!.Expire(now); // Releases the coupon for this order.
                }

                order.ApplyCoupon(coupon!, coupon!.Campaign!.DiscountFor(order.Subtotal));
            }

            db.Orders.Add(order);
            return order;
        }, ct);

        return result.IsSuccess ? await GetMyOrderAsync(shopperId, result.Value.Id, ct) : result.Error;
    }

    public async Task<Result<PaymentReceipt>> PayAsync(string shopperId, int orderId, CancellationToken ct = default)
    {
        if (InputChecks.Shopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        var result = await _payments.SubmitAsync(new PayOrder(shopperId, orderId)).WaitAsync(ct);
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
            var order = await LoadOrderAsync(db.Orders, orderId, ct);
            if (CheckOwner(order, orderId, shopperId) is { } notYours)
            {
                return notYours;
            }

            if (order!.Status != OrderStatus.AwaitingPayment)
            {
                return NotAwaitingPayment(order);
            }

            order.Cancel(Now);
            return order;
        }, ct);
        return result.Map(ToView);
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

    /// <summary>Newest first.</summary>
    public async Task<Page<OrderSummary>> GetMyOrdersAsync(string shopperId, int page = 1, int pageSize = 20,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Orders
            .Where(o => o.ShopperId == shopperId)
            .OrderByDescending(o => o.Id)
            .Select(o => new OrderSummary(o.Id, o.Status, o.CreatedAt, o.ExpiresAt, o.Total, o.Lines.Sum(l => l.Quantity)))
            .ToPageAsync(page, pageSize, ct);
    }

    public async Task<Result<OrderView>> GetMyOrderAsync(string shopperId, int orderId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var order = await LoadOrderAsync(db.Orders.AsNoTracking(), orderId, ct);
        return CheckOwner(order, orderId, shopperId) ?? Result<OrderView>.Success(ToView(order!));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal static Task<Order?> LoadOrderAsync(IQueryable<Order> orders, int orderId, CancellationToken ct) =>
        WithLinesAndCoupon(orders).FirstOrDefaultAsync(o => o.Id == orderId, ct);

    internal static IQueryable<Order> WithLinesAndCoupon(IQueryable<Order> orders) =>
        orders.Include(o => o.Lines).Include(o => o.IssuedCoupon).ThenInclude(c => c!.Campaign);

    private static Task<IssuedCoupon?> LoadCouponAsync(ShopDbContext db, int couponId, CancellationToken ct) =>
        db.IssuedCoupons.Include(c => c.Campaign).Include(c => c.Order).FirstOrDefaultAsync(c => c.Id == couponId, ct);

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
        if (CheckStock(priced) is { } outOfStock)
        {
            return outOfStock;
        }

        return (priced, priced.Sum(l => l.Item1.Price * l.Quantity));
    }

    internal static ShopError? CheckStock(IEnumerable<(Product Product, int Quantity)> lines)
    {
        var lacking = lines.Where(l => l.Quantity > l.Product.Stock).ToList();
        if (lacking.Count == 0)
        {
            return null;
        }

        var which = string.Join(", ", lacking.Select(l => l.Product.Stock == 0
            ? $"\"{l.Product.Name}\" is sold out"
            : $"only {l.Product.Stock} of \"{l.Product.Name}\" left (you asked for {l.Quantity})"));
        return new ShopError(ErrorCode.OutOfStock, $"Not enough stock: {which}.")
        {
            ProductId = lacking[0].Product.Id,
            CurrentValue = lacking[0].Product.Stock,
        };
    }

    private static ShopError? CheckCoupon(IssuedCoupon? coupon, int couponId, string shopperId, long subtotal, DateTime now)
    {
        if (coupon is null)
        {
            return ShopError.NotFound("Coupon", couponId);
        }

        if (coupon.ShopperId != shopperId)
        {
            return ShopError.NotYours("Coupon", couponId);
        }

        var campaign = coupon.Campaign!;
        return coupon.StateAt(now) switch
        {
            CouponState.Used => new ShopError(ErrorCode.CouponAlreadyUsed, $"Your \"{campaign.Name}\" coupon has already been used."),
            CouponState.Reserved => new ShopError(ErrorCode.CouponReserved,
                $"Your \"{campaign.Name}\" coupon is held by order {coupon.OrderId}, which awaits payment; cancel that order to use it here."),
            CouponState.Expired => new ShopError(ErrorCode.CouponExpired,
                $"Your \"{campaign.Name}\" coupon expired at {coupon.ExpiresAt:yyyy-MM-dd HH:mm} UTC."),
            _ when subtotal < campaign.MinOrderAmount => new ShopError(ErrorCode.CouponBelowMinimumOrder,
                $"\"{campaign.Name}\" needs an order of at least {Money.Format(campaign.MinOrderAmount)}; " +
                $"add {Money.Format(campaign.MinOrderAmount - subtotal)} more.")
            {
                Shortfall = campaign.MinOrderAmount - subtotal,
            },
            _ => null,
        };
    }

    internal static ShopError? CheckOwner(Order? order, int orderId, string shopperId) =>
        order is null ? ShopError.NotFound("Order", orderId)
        : order.ShopperId != shopperId ? ShopError.NotYours("Order", orderId)
        : null;

    internal static ShopError? CheckAwaitingPayment(Order order, DateTime now) =>
        order.Status != OrderStatus.AwaitingPayment ? NotAwaitingPayment(order)
        : now >= order.ExpiresAt ? new ShopError(ErrorCode.OrderExpired,
            $"The payment window of order {order.Id} closed at {order.ExpiresAt:HH:mm} UTC; place the order again.")
        : null;

    private static ShopError NotAwaitingPayment(Order order) => new(ErrorCode.OrderNotAwaitingPayment,
        $"Order {order.Id} is {order.Status switch
        {
            OrderStatus.Paid => "already paid",
            OrderStatus.Cancelled => "cancelled",
            OrderStatus.Expired => "expired",
            _ => "awaiting payment",
        }}.");

    internal static OrderView ToView(Order o) => new(
        o.Id, o.ShopperId, o.Status, o.CreatedAt, o.ExpiresAt, o.PaidAt, o.ClosedAt, o.Subtotal, o.Discount, o.Total,
        o.IssuedCoupon is { Campaign: { } campaign } coupon
            ? new OrderCouponView(coupon.Id, campaign.Code, campaign.Name, campaign.DiscountDescription)
            : null,
        o.Lines.Select(l => new OrderLineView(l.ProductId, l.ProductName, l.UnitPrice, l.Quantity, l.LineTotal)).ToList());

    public ValueTask DisposeAsync() => _payments.DisposeAsync();
}
