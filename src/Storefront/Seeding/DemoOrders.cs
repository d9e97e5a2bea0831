using ECommerce.Domain.Coupons;
using ECommerce.Domain.Orders;
using ECommerce.Domain.Wallets;

namespace ECommerce.Storefront.Seeding;

/// <summary>
/// Real orders, placed and paid through <see cref="OrderService"/> at moments spread over the last three days,
/// so that the best-seller list means something from the first minute. Request ids and charge keys are fixed,
/// so a restart finds the same orders and charges instead of making new ones.
/// </summary>
internal sealed class DemoOrders(
    WalletService wallets,
    CouponService coupons,
    OrderService orders,
    SeedClock clock,
    IReadOnlyDictionary<string, string> users,
    IReadOnlyDictionary<string, int> products,
    IReadOnlyDictionary<string, int> campaigns,
    ILogger logger)
{
    private const int BuyerOrders = 36;

    /// <summary>Products the neighbours like, with how often each is picked: a clear top five.</summary>
    private static readonly (string Name, int Weight)[] Favourites =
    [
        ("Cold Brew Bottle 1L", 9), ("Ethiopia Yirgacheffe Beans 500g", 7), ("Wireless Earbuds", 6),
        ("Trail Running Socks 3-pack", 5), ("Gel Pen Set 12", 4), ("Insulated Bottle 750ml", 3),
        ("Dotted Notebook A5", 3), ("USB-C Charger 65W", 2), ("The Vegetarian", 2), ("Barley Tea Bags 50", 2),
        ("Bamboo Cutting Board", 1), ("Headlamp 400lm", 1), ("Power Bank 20000mAh", 1),
    ];

    public async Task PlaceAsync(DateTimeOffset now, CancellationToken ct)
    {
        var shopper = users[DemoAccounts.ShopperEmail];
        var buyers = DemoAccounts.BuyerEmails.Select(e => users[e]).ToList();

        clock.Now = now.AddDays(-4);
        await ChargeAsync(shopper, 500_000, "1", ct);
        foreach (var buyer in buyers)
        {
            // One charge may be at most ₩1,000,000.
            for (var n = 1; n <= 3; n++)
            {
                await ChargeAsync(buyer, 1_000_000, n.ToString(), ct);
            }
        }

        clock.Now = now.AddHours(-71);
        var openingCoupons = new Dictionary<string, int?>();
        foreach (var buyer in buyers)
        {
            openingCoupons[buyer] = await ClaimAsync(buyer, DemoCampaigns.Opening, ct);
        }

        var random = new Random(2026);
        for (var i = 0; i < BuyerOrders; i++)
        {
            var hoursAgo = 70 - (i * 2);
            if (hoursAgo == 20)
            {
                clock.Now = now.AddHours(-20);
                foreach (var buyer in buyers)
                {
                    await ClaimAsync(buyer, DemoCampaigns.Flash, ct);
                }
            }

            var buyerId = buyers[i % buyers.Count];
            var coupon = i < buyers.Count ? openingCoupons[buyerId] : null;
            await PlaceAndPayAsync(buyerId, $"seed:order:{i}", PickLines(random), coupon, now.AddHours(-hoursAgo).AddMinutes(-random.Next(50)), ct);
        }

        await PlaceAndPayAsync(shopper, "seed:order:shopper:1",
            [new CartLine(products["Colombia Huila Beans 500g"], 1), new CartLine(products["Paper Filters 100"], 2)], null, now.AddHours(-50), ct);
        await PlaceAndPayAsync(shopper, "seed:order:shopper:2",
            [new CartLine(products["Cold Brew Bottle 1L"], 2)], null, now.AddHours(-26), ct);
    }

    private List<CartLine> PickLines(Random random)
    {
        var total = Favourites.Sum(f => f.Weight);
        var lines = new Dictionary<int, int>();
        var count = random.Next(1, 4);
        for (var n = 0; n < count; n++)
        {
            var ticket = random.Next(total);
            var pick = Favourites.First(f => (ticket -= f.Weight) < 0);
            var id = products[pick.Name];
            lines[id] = lines.GetValueOrDefault(id) + random.Next(1, 3);
        }

        return lines.Select(l => new CartLine(l.Key, l.Value)).ToList();
    }

    private async Task ChargeAsync(string shopperId, long amount, string key, CancellationToken ct)
    {
        var charged = await wallets.ChargeAsync(shopperId, amount, $"seed:charge:{key}", ct);
        if (!charged.IsSuccess)
        {
            logger.LogWarning("Demo charge for {Shopper} skipped: {Reason}", shopperId, charged.Error.Message);
        }
    }

    /// <summary>Claims (or finds, after a restart) the shopper's coupon of a campaign; returns its id while it is still valid.</summary>
    private async Task<int?> ClaimAsync(string shopperId, string code, CancellationToken ct)
    {
        var claimed = await coupons.ClaimAsync(shopperId, campaigns[code], ct);
        if (!claimed.IsSuccess && claimed.Error.Code != ErrorCode.CouponAlreadyHeld)
        {
            logger.LogWarning("Demo claim of {Code} skipped: {Reason}", code, claimed.Error.Message);
        }

        var held = (await coupons.GetMyCouponsAsync(shopperId, ct)).FirstOrDefault(c => c.CampaignId == campaigns[code]);
        return held?.State == CouponState.Valid ? held.Id : null;
    }

    private async Task PlaceAndPayAsync(string shopperId, string requestId, IReadOnlyList<CartLine> lines, int? couponId,
        DateTimeOffset at, CancellationToken ct)
    {
        clock.Now = at;
        var placed = await orders.PlaceAsync(shopperId, new PlaceOrder(lines, couponId, requestId), ct);
        if (!placed.IsSuccess)
        {
            logger.LogWarning("Demo order {Request} skipped: {Reason}", requestId, placed.Error.Message);
            return;
        }

        if (placed.Value.Status != OrderStatus.AwaitingPayment)
        {
            return;
        }

        clock.Now = at.AddMinutes(3);
        var paid = await orders.PayAsync(shopperId, placed.Value.Id, ct);
        if (!paid.IsSuccess)
        {
            logger.LogWarning("Demo payment of order {Order} skipped: {Reason}", placed.Value.Id, paid.Error.Message);
        }
    }
}
