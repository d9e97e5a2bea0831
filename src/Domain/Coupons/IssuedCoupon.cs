namespace ECommerce.Domain.Coupons;

/// <summary>
/// A coupon a shopper claimed. An order awaiting payment reserves it (<see cref="OrderId"/>, until
/// <see cref="ReservedUntil"/>); paying that order uses it for good; cancelling or expiring that order releases
/// it. The coupon knows its order by id only: its state reads its own fields.
/// </summary>
public sealed class IssuedCoupon
{
    private IssuedCoupon()
    {
        ShopperId = "";
    }

    internal IssuedCoupon(CouponCampaign campaign, string shopperId, DateTime issuedAt, DateTime expiresAt)
    {
        Campaign = campaign;
        CampaignId = campaign.Id;
        ShopperId = shopperId;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public CouponCampaign? Campaign { get; private set; }
    public string ShopperId { get; private set; }
    public DateTime IssuedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    /// <summary>The order that reserved or used this coupon.</summary>
    public int? OrderId { get; private set; }

    public DateTime? UsedAt { get; private set; }
    public long Version { get; private set; }

    /// <summary>When the payment window of the reserving order closes (copied from it at <see cref="Reserve"/>).</summary>
    public DateTime? ReservedUntil { get; private set; }

    public CouponState StateAt(DateTime now) => this switch
    {
        { UsedAt: not null } => CouponState.Used,
        { OrderId: not null } when !ReservationLapsedAt(now) => CouponState.Reserved,
        _ when now >= ExpiresAt => CouponState.Expired,
        _ => CouponState.Valid,
    };

    /// <summary>
    /// The order holding this coupon let its payment window pass: it holds the coupon no longer, even before
    /// the expiry sweep marks it expired.
    /// </summary>
    public bool ReservationLapsedAt(DateTime now) => UsedAt is null && OrderId is not null && now >= ReservedUntil;

    /// <summary>
    /// Whether <paramref name="shopperId"/> may use this coupon on an order of <paramref name="subtotal"/> now:
    /// theirs, not used, not held by another order, not expired, and the order big enough. Needs <see cref="Campaign"/>.
    /// </summary>
    public ShopError? CheckUsableBy(string shopperId, long subtotal, DateTime now)
    {
        if (ShopperId != shopperId)
        {
            return ShopError.NotYours("Coupon", Id);
        }

        var campaign = Campaign ?? throw new InvalidOperationException($"Coupon {Id} was read without its campaign.");
        return StateAt(now) switch
        {
            CouponState.Used => new ShopError(ErrorCode.CouponAlreadyUsed, $"Your \"{campaign.Name}\" coupon has already been used."),
            CouponState.Reserved => new ShopError(ErrorCode.CouponReserved,
                // An order placed a moment ago in the same batch has no number yet (its key is still EF's temporary one).
                $"Your \"{campaign.Name}\" coupon is held by {(OrderId > 0 ? $"order {OrderId}" : "an order you have just placed")}, which awaits payment; cancel that order to use it here."),
            CouponState.Expired => new ShopError(ErrorCode.CouponExpired,
                $"Your \"{campaign.Name}\" coupon expired at {ShopTime.Format(ExpiresAt)}."),
            _ => campaign.CheckMinimumOrder(subtotal),
        };
    }

    /// <summary>The id the database gave the coupon when a claim batch inserted it without tracking it.</summary>
    internal void Stored(int id) => Id = id;

    /// <summary>
    /// Held for an order until its payment window closes. A new order's id is not known before it is saved:
    /// the unit of work that places it carries the key into <see cref="OrderId"/> (OrderPlacement.Decision.HoldCoupon).
    /// </summary>
    internal void Reserve(int orderId, DateTime until)
    {
        OrderId = orderId;
        ReservedUntil = until;
    }

    /// <summary>Free again, but only while <paramref name="orderId"/> is the order that holds it.</summary>
    internal void Release(int orderId)
    {
        if (OrderId == orderId && UsedAt is null)
        {
            OrderId = null;
            ReservedUntil = null;
        }
    }

    internal void MarkUsed(DateTime at) => UsedAt = at;
}
