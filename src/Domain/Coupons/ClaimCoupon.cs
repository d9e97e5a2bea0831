namespace ECommerce.Domain.Coupons;

/// <summary>A shopper claims one coupon of a first-come-first-served campaign; group-committed by <see cref="CouponService.ClaimAsync"/>.</summary>
public sealed record ClaimCoupon(string ShopperId, int CampaignId)
{
    /// <summary>
    /// One read of the campaigns, one of who already holds one of their coupons, then each claim in arrival
    /// order through <see cref="CouponCampaign.Issue"/>, so the last coupon goes to the first claimer and a
    /// shopper's second claim in the same batch is refused.
    /// <para>
    /// The claim is the hottest write of a flash sale, so it alone writes by hand, with two set-based statements
    /// of standard SQL instead of tracking each new coupon: per campaign a token-guarded UPDATE of the issued
    /// count (zero rows means another process changed the campaign: a conflict, and the batch runs again), and
    /// one multi-row INSERT of the coupons. See docs/performance.md for what that changed.
    /// </para>
    /// </summary>
    internal sealed class Decision(TimeProvider clock) : BatchDecision<ClaimCoupon, Decision.Rows, IssuedCoupon>(clock)
    {
        /// <summary>The campaigns as read (not tracked), their issued counts then, and who holds one of their coupons.</summary>
        internal sealed record Rows(
            Dictionary<int, CouponCampaign> Campaigns,
            Dictionary<int, int> IssuedBefore,
            HashSet<(int CampaignId, string ShopperId)> Held,
            List<IssuedCoupon> Issued,
            DateTime Now);

        // Compiled once: a batch's two reads skip EF's per-query translation work (each list is one parameter, see ShopStore).
        private static readonly CompiledPerModel<Func<ShopDbContext, List<int>, IAsyncEnumerable<CouponCampaign>>> Campaigns = new(() =>
            EF.CompileAsyncQuery((ShopDbContext db, List<int> ids) =>
                db.CouponCampaigns.AsNoTracking().Where(c => ids.Contains(c.Id))));

        private static readonly CompiledPerModel<Func<ShopDbContext, List<int>, List<string>, IAsyncEnumerable<Holder>>> Holders = new(() =>
            EF.CompileAsyncQuery((ShopDbContext db, List<int> campaignIds, List<string> shoppers) => db.IssuedCoupons
                .Where(c => campaignIds.Contains(c.CampaignId) && shoppers.Contains(c.ShopperId))
                .Select(c => new Holder(c.CampaignId, c.ShopperId))));

        private sealed record Holder(int CampaignId, string ShopperId);

        protected override async Task<Rows> ReadAsync(ShopDbContext db, IReadOnlyList<ClaimCoupon> claims, DateTime now)
        {
            var campaignIds = claims.Select(c => c.CampaignId).Distinct().ToList();
            var shoppers = claims.Select(c => c.ShopperId).Distinct().ToList();
            var campaigns = new Dictionary<int, CouponCampaign>();
            await foreach (var campaign in Campaigns.For(db)(db, campaignIds))
            {
                campaigns[campaign.Id] = campaign;
            }

            var held = new HashSet<(int, string)>();
            await foreach (var holder in Holders.For(db)(db, campaignIds, shoppers))
            {
                held.Add((holder.CampaignId, holder.ShopperId));
            }

            return new Rows(campaigns, campaigns.Values.ToDictionary(c => c.Id, c => c.IssuedCount), held, [], now);
        }

        protected override Result<IssuedCoupon> Decide(Rows rows, ClaimCoupon claim)
        {
            if (rows.Campaigns.GetValueOrDefault(claim.CampaignId) is not { } campaign)
            {
                return ShopError.NotFound("Coupon campaign", claim.CampaignId);
            }

            if (rows.Held.Contains((claim.CampaignId, claim.ShopperId)))
            {
                return new ShopError(ErrorCode.CouponAlreadyHeld, $"You already hold a coupon of \"{campaign.Name}\".");
            }

            if (campaign.CheckClaimable(rows.Now) is { } refusal)
            {
                return refusal;
            }

            rows.Held.Add((claim.CampaignId, claim.ShopperId));
            var coupon = campaign.Issue(claim.ShopperId, rows.Now);
            rows.Issued.Add(coupon);
            return coupon;
        }

        /// <summary>
        /// In the unit of work's transaction, or in one of its own when the unit read outside any (the Optimistic
        /// shape). The UPDATE bumps "Version" by hand: it is the one write that does what
        /// <see cref="ShopDbContext"/>'s BumpVersions does for every tracked row.
        /// </summary>
        protected override async Task WriteAsync(ShopDbContext db, Rows rows)
        {
            if (rows.Issued.Count == 0)
            {
                return;
            }

            var changed = rows.Campaigns.Values.Where(c => c.IssuedCount != rows.IssuedBefore[c.Id]);
            var coupons = rows.Issued;
            await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
            foreach (var campaign in changed)
            {
                // A plain command, as the INSERT below: EF's raw-SQL path parses and logs each time.
                await using var update = SqlCommands.On(db, """
                    UPDATE "CouponCampaigns" SET "IssuedCount" = @issued, "Version" = "Version" + 1
                    WHERE "Id" = @campaign AND "Version" = @version
                    """);
                update.AddParameter("@issued", campaign.IssuedCount);
                update.AddParameter("@campaign", campaign.Id);
                update.AddParameter("@version", campaign.Version);
                if (await update.ExecuteNonQueryAsync() == 0)
                {
                    throw new DbUpdateConcurrencyException($"Coupon campaign {campaign.Id} changed while its claims were decided.");
                }

                // Written by hand, so not seen by the context: noted for the open pages here.
                db.Changes?.Campaigns.Add(campaign.Id);
            }

            await InsertAsync(db, coupons);
            if (own is not null)
            {
                await own.CommitAsync();
            }
        }

        /// <summary>The new coupons in one INSERT … RETURNING (<see cref="SetBasedWrites"/>), each given its id.</summary>
        private static async Task InsertAsync(ShopDbContext db, List<IssuedCoupon> coupons)
        {
            // RETURNING promises no order: each id is matched by its campaign and shopper, one coupon each in a campaign.
            var stored = coupons.ToDictionary(c => (c.CampaignId, c.ShopperId));
            if (SetBasedWrites.Insert("IssuedCoupons", ["CampaignId", "ShopperId", "IssuedAt", "ExpiresAt", "Version"],
                    coupons.Select(c => new object[] { c.CampaignId, c.ShopperId, c.IssuedAt, c.ExpiresAt, c.Version }),
                    """ RETURNING "Id", "CampaignId", "ShopperId" """) is { } insert)
            {
                await insert.ExecuteAsync(db, row => stored[(row.GetInt32(1), row.GetString(2))].Stored(row.GetInt32(0)));
            }
        }
    }
}
