using ECommerce.Domain.Coupons;

namespace ECommerce.Storefront.Seeding;

/// <summary>
/// Four campaigns that show every state a shopper meets: an ordinary one, a limited first-come-first-served
/// one, one already sold out (claimed by the demo neighbours) and one not open yet. Their windows are set
/// relative to the first start and never change afterwards.
/// </summary>
internal static class DemoCampaigns
{
    public const string Welcome = "WELCOME3000";
    public const string Flash = "FLASH20";
    public const string Opening = "OPENING10K";
    public const string Weekend = "WEEKEND5000";

    public static IEnumerable<NewCouponCampaign> Specs(DateTime now) =>
    [
        new(Welcome, "Welcome: ₩3,000 off", DiscountKind.FixedAmount, 3_000, null, 20_000, 10_000,
            now.AddDays(-4), now.AddDays(365), TimeSpan.FromDays(30)),
        new(Flash, "Flash sale: 20% off, 30 coupons only", DiscountKind.Percent, 20, 30_000, 50_000, 30,
            now.AddDays(-1), now.AddDays(6), TimeSpan.FromDays(7)),
        new(Opening, "Opening-day gift: ₩10,000 off", DiscountKind.FixedAmount, 10_000, null, 0, DemoAccounts.BuyerEmails.Count,
            now.AddDays(-3), now.AddDays(4), TimeSpan.FromDays(14)),
        new(Weekend, "Weekend special: ₩5,000 off", DiscountKind.FixedAmount, 5_000, null, 30_000, 200,
            now.AddDays(2), now.AddDays(4), TimeSpan.FromDays(7)),
    ];

    /// <summary>Creates the campaigns that are missing; returns every campaign id by code.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> EnsureAsync(CouponService coupons, DateTime now, CancellationToken ct)
    {
        var existing = (await coupons.GetAllCampaignsAsync(ct)).Select(c => c.Code).ToHashSet();
        foreach (var spec in Specs(now).Where(s => !existing.Contains(s.Code)))
        {
            var created = await coupons.CreateCampaignAsync(spec, DemoData.Actor, ct);
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Seeding campaign {spec.Code} failed: {created.Error.Message}");
            }
        }

        return (await coupons.GetAllCampaignsAsync(ct)).ToDictionary(c => c.Code, c => c.Id);
    }
}
