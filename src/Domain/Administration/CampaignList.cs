using ECommerce.Domain.Coupons;

namespace ECommerce.Domain.Administration;

/// <summary>Coupon campaigns for admins, newest first, with issued / remaining / used counts.</summary>
public sealed class CampaignList(ShopDatabase database)
{
    public async Task<Page<CampaignView>> GetPageAsync(int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        var campaigns = await db.CouponCampaigns.AsNoTracking().OrderByDescending(c => c.Id).ToPageAsync(page, pageSize, ct);
        var ids = campaigns.Items.Select(c => c.Id).ToList();

        // Used coupons of this page's campaigns only, counted on the partial index of used coupons.
        var used = await db.IssuedCoupons
            .Where(c => ids.Contains(c.CampaignId) && c.UsedAt != null)
            .GroupBy(c => c.CampaignId)
            .Select(g => new { CampaignId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.CampaignId, x => x.Count, ct);
        return new Page<CampaignView>(
            campaigns.Items.Select(c => CampaignView.Of(c, used.GetValueOrDefault(c.Id), heldByYou: false)).ToList(),
            campaigns.PageNumber, campaigns.PageSize, campaigns.TotalCount);
    }
}
