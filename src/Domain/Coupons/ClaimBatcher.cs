using System.Threading.Channels;

namespace ECommerce.Domain.Coupons;

/// <summary>
/// Group commit for coupon claims. Claims that arrive while a transaction is running wait in a queue; the
/// next transaction decides all of them at once: one read of the campaign, one read of who already holds a
/// coupon, the new coupons, one token-guarded update of the campaign, one commit. A lone claim still goes
/// through at once. The decisions are the same as one claim at a time in arrival order; a conflict with
/// another process reruns the whole batch like any unit of work.
/// </summary>
public sealed class ClaimBatcher : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Channel<PendingClaim> _queue =
        Channel.CreateUnbounded<PendingClaim>(new UnboundedChannelOptions { SingleReader = true });

    private readonly UnitOfWork _unitOfWork;
    private readonly TimeProvider _clock;
    private readonly Task _worker;

    public ClaimBatcher(UnitOfWork unitOfWork, TimeProvider clock)
    {
        _unitOfWork = unitOfWork;
        _clock = clock;
        _worker = Task.Run(DecideQueuedClaimsAsync);
    }

    public Task<Result<IssuedCoupon>> ClaimAsync(string shopperId, int campaignId)
    {
        var claim = new PendingClaim(shopperId, campaignId);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(claim), this);

        return claim.Outcome.Task;
    }

    private async Task DecideQueuedClaimsAsync()
    {
        var batch = new List<PendingClaim>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var claim))
            {
                batch.Add(claim);
            }

            foreach (var campaign in batch.GroupBy(c => c.CampaignId))
            {
                await DecideAsync(campaign.Key, campaign.ToList());
            }
        }
    }

    private async Task DecideAsync(int campaignId, List<PendingClaim> claims)
    {
        try
        {
            Result<IssuedCoupon>[] outcomes = [];
            var saved = await _unitOfWork.RunAsync<bool>(async db =>
            {
                outcomes = new Result<IssuedCoupon>[claims.Count]; // Afresh on every rerun.
                var campaign = await db.CouponCampaigns.FindAsync(campaignId);
                if (campaign is null)
                {
                    Array.Fill(outcomes, ShopError.NotFound("Coupon campaign", campaignId));
                    return true;
                }

                var shoppers = claims.Select(c => c.ShopperId).Distinct().ToList();
                var holders = await db.IssuedCoupons
                    .Where(c => c.CampaignId == campaignId && shoppers.Contains(c.ShopperId))
                    .Select(c => c.ShopperId)
                    .ToListAsync();
                var held = holders.ToHashSet();
                var now = _clock.GetUtcNow().UtcDateTime;
                for (var i = 0; i < claims.Count; i++)
                {
                    outcomes[i] = CouponService.Decide(campaign, claims[i].ShopperId, held, now) ?? Issue(db, campaign, claims[i].ShopperId, held, now);
                }

                return true;
            });

            for (var i = 0; i < claims.Count; i++)
            {
                claims[i].Outcome.TrySetResult(saved.IsSuccess ? outcomes[i] : saved.Error!);
            }
        }
        catch (Exception e)
        {
            claims.ForEach(c => c.Outcome.TrySetException(e));
        }
    }

    private static Result<IssuedCoupon> Issue(ShopDbContext db, CouponCampaign campaign, string shopperId, HashSet<string> held, DateTime now)
    {
        var coupon = campaign.Issue(shopperId, now);
        db.IssuedCoupons.Add(coupon);
        held.Add(shopperId);
        return coupon;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _worker;
    }

    private sealed record PendingClaim(string ShopperId, int CampaignId)
    {
        public TaskCompletionSource<Result<IssuedCoupon>> Outcome { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
