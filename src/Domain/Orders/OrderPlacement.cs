using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;
using ECommerce.Domain.Requests;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Orders;

/// <summary>
/// A shopper places an order; group-committed by <see cref="OrderService.PlaceAsync(string, PlaceOrder, CancellationToken)"/>.
/// Under a client's key (<paramref name="Key"/>) the answer is kept in the same batch as the order.
/// </summary>
public sealed record OrderPlacement(string ShopperId, PlaceOrder Order, RequestKey<OrderView>? Key = null)
{
    /// <summary>
    /// One read each of the orders already placed under the batch's request ids, the products, the coupons (with
    /// the orders whose hold on them lapsed) and the kept answers; then each placement in arrival order, so a coupon
    /// goes to the first order that asks for it and a request placed twice in one batch places one order.
    /// </summary>
    internal sealed class Decision(TimeProvider clock, IOptions<OrderOptions> options)
        : BatchDecision<OrderPlacement, Decision.Rows, Order>(clock)
    {
        internal sealed record Rows(
            ShopDbContext Db,
            Dictionary<(string ShopperId, string RequestId), Order> Placed,
            Dictionary<int, Product> Products,
            Dictionary<int, IssuedCoupon> Coupons,
            Dictionary<int, Order> Holders,
            KeptAnswers Kept,
            DateTime Now)
        {
            /// <summary>Keyed placements to answer once saved: a new order's answer carries the id the save gives it.</summary>
            public List<(OrderPlacement Placement, Order Order)> Unanswered { get; } = [];

            /// <summary>Keyed placements repeating one of <see cref="Unanswered"/>: answered from its kept answer.</summary>
            public List<OrderPlacement> Repeats { get; } = [];

            /// <summary>New orders without a coupon: inserted by hand (<see cref="NewOrders"/>), not tracked.</summary>
            public List<Order> Untracked { get; } = [];

            /// <summary>New orders holding a coupon: added to the context, which saves them with their coupon.</summary>
            public int Tracked { get; set; }
        }

        // Compiled once: a batch's reads skip EF's per-query translation (each list is one parameter, see ShopStore).
        private static readonly CompiledPerModel<Func<ShopDbContext, List<int>, IAsyncEnumerable<Product>>> ProductsOf = new(() =>
            EF.CompileAsyncQuery((ShopDbContext db, List<int> ids) => db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))));

        private static readonly CompiledPerModel<Func<ShopDbContext, List<int>, IAsyncEnumerable<IssuedCoupon>>> CouponsOf = new(() =>
            EF.CompileAsyncQuery((ShopDbContext db, List<int> ids) => db.IssuedCoupons.Include(c => c.Campaign).Where(c => ids.Contains(c.Id))));

        private static readonly CompiledPerModel<Func<ShopDbContext, List<int>, IAsyncEnumerable<Order>>> OrdersOf = new(() =>
            EF.CompileAsyncQuery((ShopDbContext db, List<int> ids) => db.Orders.Where(o => ids.Contains(o.Id))));

        protected override async Task<Rows> ReadAsync(ShopDbContext db, IReadOnlyList<OrderPlacement> placements, DateTime now)
        {
            var placed = await OrderQueries.WithLinesAndCoupon(KeyPairs.Matching(db, db.Orders, "Orders", "ShopperId", "RequestId",
                    placements.Select(p => (p.ShopperId, p.Order.RequestId))).AsNoTracking())
                .ToDictionaryAsync(o => (o.ShopperId, o.RequestId));
            var productIds = placements.SelectMany(p => p.Order.Lines ?? []).Select(l => l.ProductId).Distinct().ToList();
            var products = await ProductsOf.For(db)(db, productIds).ToDictionaryAsync(p => p.Id);
            var couponIds = placements.Select(p => p.Order.IssuedCouponId).OfType<int>().Distinct().ToList();
            var coupons = couponIds.Count == 0 ? [] : await CouponsOf.For(db)(db, couponIds).ToDictionaryAsync(c => c.Id);
            // The orders whose payment window closed while they held a coupon asked for: placing lets them go first.
            var lapsed = coupons.Values.Where(c => c.ReservationLapsedAt(now)).Select(c => c.OrderId!.Value).ToList();
            var holders = lapsed.Count == 0 ? [] : await OrdersOf.For(db)(db, lapsed).ToDictionaryAsync(o => o.Id);
            var keys = placements.Where(p => p.Key is not null).Select(p => (p.ShopperId, p.Key!.Key)).ToHashSet();
            var kept = await KeptAnswers.ReadAsync(db, keys, now);
            return new Rows(db, placed, products, coupons, holders, kept, now);
        }

        protected override Result<Order> Decide(Rows rows, OrderPlacement placement)
        {
            if (placement.Key is not { } key)
            {
                return Place(rows, placement);
            }

            if (rows.Kept.Has(placement.ShopperId, key.Key))
            {
                // Replayed or refused: the answer is in the key's reply, never this outcome.
                return rows.Kept.Decide(placement.ShopperId, key, () => KeptAnswers.Replayed).Error!;
            }

            if (rows.Unanswered.Any(u => u.Placement.ShopperId == placement.ShopperId && u.Placement.Key!.Key == key.Key))
            {
                rows.Repeats.Add(placement);
                return KeptAnswers.Replayed;
            }

            var placed = Place(rows, placement);
            if (placed.IsSuccess)
            {
                rows.Unanswered.Add((placement, placed.Value));
            }
            else
            {
                // A refusal changes nothing: its answer is kept at once.
                rows.Kept.Keep(placement.ShopperId, key, placed.Error);
            }

            return placed;
        }

        /// <summary>The order placed, or found placed by the same request before; unsaved (added to the context when it holds a coupon, else kept for <see cref="NewOrders"/>).</summary>
        private Result<Order> Place(Rows rows, OrderPlacement placement)
        {
            var (shopperId, command, now) = (placement.ShopperId, placement.Order, rows.Now);
            // A repeated request gets the first order back, whatever its lines say now (the cart was emptied by it).
            if (rows.Placed.TryGetValue((shopperId, command.RequestId), out var placedBefore))
            {
                return placedBefore;
            }

            var limits = options.Value;
            if (CartLines.Check(command.Lines, limits) is { } invalidLines)
            {
                return invalidLines;
            }

            var (priced, missing) = CartLines.Price(command.Lines, rows.Products);
            if ((missing ?? Product.CheckCanSell(priced)) is { } refusal)
            {
                return refusal;
            }

            var order = new Order(shopperId, command.RequestId, now, now + limits.PaymentWindow);
            foreach (var (product, quantity) in priced)
            {
                order.AddLine(product.Id, product.Name, product.Price, quantity);
            }

            if (command.IssuedCouponId is { } couponId)
            {
                var coupon = rows.Coupons.GetValueOrDefault(couponId);
                if ((coupon is null ? ShopError.NotFound("Coupon", couponId) : coupon.CheckUsableBy(shopperId, order.Subtotal, now)) is { } problem)
                {
                    return problem;
                }

                if (coupon!.ReservationLapsedAt(now) && rows.Holders.GetValueOrDefault(coupon.OrderId!.Value) is { } lapsed)
                {
                    lapsed.Expire(now); // Its window closed: it lets the coupon go before this order takes it.
                }

                order.ApplyCoupon(coupon, coupon.Campaign!.DiscountFor(order.Subtotal));
            }

            if (order.IssuedCoupon is null)
            {
                rows.Untracked.Add(order);
            }
            else
            {
                rows.Db.Orders.Add(order);
                HoldCoupon(rows.Db, order);
                rows.Tracked++;
            }

            rows.Placed[(shopperId, command.RequestId)] = order;
            return order;
        }

        /// <summary>
        /// The new orders without a coupon are inserted set-based; keyed placements are answered once their orders have
        /// ids: the orders are written, then the answers, in the unit's transaction (or one of this batch's own when the
        /// unit read outside any, the Optimistic shape).
        /// </summary>
        protected override async Task WriteAsync(ShopDbContext db, Rows rows)
        {
            if (rows.Unanswered.Count == 0 && rows.Untracked.Count == 0 && !rows.Kept.HasNew)
            {
                return;
            }

            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
            await NewOrders.InsertAsync(db, rows.Untracked);
            if (rows.Unanswered.Count > 0 && rows.Tracked > 0)
            {
                // Orders holding a coupon get their ids from this save; the answers kept below are written after.
                await db.SaveChangesAsync();
            }

            foreach (var (placement, order) in rows.Unanswered)
            {
                rows.Kept.Keep(placement.ShopperId, placement.Key!, OrderQueries.ToView(order));
            }

            foreach (var repeat in rows.Repeats)
            {
                rows.Kept.Decide(repeat.ShopperId, repeat.Key!, () => KeptAnswers.Replayed);
            }

            await rows.Kept.WriteAsync(db);
            if (own is not null)
            {
                await db.SaveChangesAsync();
                await own.CommitAsync();
            }
        }

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
    }
}
