namespace ECommerce.Domain.Coupons;

/// <summary>First-come-first-served coupons: what can be claimed, claiming one, the coupons a shopper holds.</summary>
public sealed class CouponService(UnitOfWork unitOfWork, IDbContextFactory<ShopDbContext> contexts, TimeProvider clock)
    : IAsyncDisposable
{
    private readonly CommandBatcher<Claim, IssuedCoupon> _claims = new(unitOfWork,
        (db, claims) => ClaimBatch.DecideAsync(db, claims, clock.GetUtcNow().UtcDateTime));

    /// <summary>Campaigns open now or opening later, soonest closing first, with how many are left.</summary>
    public async Task<IReadOnlyList<CampaignView>> GetClaimableAsync(string? shopperId, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var campaigns = await db.CouponCampaigns
            .Where(c => c.ClaimClosesAt > now)
            .OrderBy(c => c.ClaimClosesAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        var held = shopperId is null
            ? []
            : await db.IssuedCoupons.Where(c => c.ShopperId == shopperId).Select(c => c.CampaignId).ToListAsync(ct);
        return campaigns.Select(c => ToView(c, used: 0, held.Contains(c.Id))).ToList();
    }

    /// <summary>Every campaign with issued, remaining and used counts, newest first (the admin's view).</summary>
    public async Task<IReadOnlyList<CampaignView>> GetAllCampaignsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var used = await db.IssuedCoupons
            .Where(c => c.UsedAt != null)
            .GroupBy(c => c.CampaignId)
            .Select(g => new { CampaignId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.CampaignId, x => x.Count, ct);
        var campaigns = await db.CouponCampaigns.OrderByDescending(c => c.Id).ToListAsync(ct);
        return campaigns.Select(c => ToView(c, used.GetValueOrDefault(c.Id), heldByYou: false)).ToList();
    }

    /// <summary>Issues one coupon of the campaign to the shopper, unless it is closed, sold out or already held.</summary>
    public async Task<Result<MyCoupon>> ClaimAsync(string shopperId, int campaignId, CancellationToken ct = default)
    {
        if (InputChecks.Shopper(shopperId) is { } invalid)
        {
            return invalid;
        }

        var issued = await _claims.SubmitAsync(new Claim(shopperId, campaignId)).WaitAsync(ct);
        return issued.Map(c => ToMyCoupon(c, Now));
    }

    public async Task<IReadOnlyList<MyCoupon>> GetMyCouponsAsync(string shopperId, CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var coupons = await db.IssuedCoupons
            .Include(c => c.Campaign)
            .Include(c => c.Order)
            .Where(c => c.ShopperId == shopperId)
            .OrderByDescending(c => c.IssuedAt).ThenByDescending(c => c.Id)
            .ToListAsync(ct);
        return coupons.Select(c => ToMyCoupon(c, now)).ToList();
    }

    public async Task<Result<CampaignView>> CreateCampaignAsync(NewCouponCampaign spec, CancellationToken ct = default)
    {
        if (Validate(spec) is { } invalid)
        {
            return invalid;
        }

        var result = await unitOfWork.RunAsync<CouponCampaign>(async db =>
        {
            var code = spec.Code.Trim().ToUpperInvariant();
            if (await db.CouponCampaigns.AnyAsync(c => c.Code == code, ct))
            {
                return ShopError.Invalid($"A campaign with the code {code} already exists.");
            }

            var campaign = new CouponCampaign(spec, Now);
            db.CouponCampaigns.Add(campaign);
            return campaign;
        }, ct);
        return result.Map(c => ToView(c, used: 0, heldByYou: false));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static ShopError? Validate(NewCouponCampaign spec)
    {
        static ShopError Invalid(string message) => ShopError.Invalid(message);
        if (string.IsNullOrWhiteSpace(spec.Code) || spec.Code.Trim().Length > 40 || !spec.Code.Trim().All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
        {
            return Invalid("The code needs 1 to 40 letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(spec.Name) || spec.Name.Trim().Length > 200)
        {
            return Invalid("The name needs 1 to 200 characters.");
        }

        if (spec.DiscountKind == DiscountKind.Percent && spec.DiscountValue is < 1 or > 100)
        {
            return Invalid("A percent discount is between 1 and 100.");
        }

        if (spec.DiscountKind == DiscountKind.FixedAmount && spec.DiscountValue < 1)
        {
            return Invalid("A fixed discount is at least ₩1.");
        }

        if (spec.MaxDiscount is < 1)
        {
            return Invalid("A discount cap, when given, is at least ₩1.");
        }

        if (spec.MinOrderAmount < 0)
        {
            return Invalid("The minimum order amount cannot be negative.");
        }

        if (spec.TotalQuantity < 1)
        {
            return Invalid("A campaign issues at least one coupon.");
        }

        if (spec.ClaimClosesAt <= spec.ClaimOpensAt)
        {
            return Invalid("The claim window must close after it opens.");
        }

        return spec.CouponValidFor <= TimeSpan.Zero ? Invalid("Issued coupons must stay valid for some time.") : null;
    }

    private static CampaignView ToView(CouponCampaign c, int used, bool heldByYou) => new(
        c.Id, c.Code, c.Name, c.DiscountDescription, c.MinOrderAmount, c.TotalQuantity, c.IssuedCount, c.Remaining,
        used, c.ClaimOpensAt, c.ClaimClosesAt, c.CouponValidFor, heldByYou);

    private static MyCoupon ToMyCoupon(IssuedCoupon c, DateTime now) => new(
        c.Id, c.CampaignId, c.Campaign!.Code, c.Campaign.Name, c.Campaign.DiscountDescription, c.Campaign.MinOrderAmount,
        c.IssuedAt, c.ExpiresAt, c.StateAt(now), c.OrderId);

    public ValueTask DisposeAsync() => _claims.DisposeAsync();
}
