using ECommerce.Domain.Orders;

namespace ECommerce.Domain.Coupons;

/// <summary>
/// A coupon a shopper claimed. An order awaiting payment reserves it (<see cref="OrderId"/>); paying that
/// order uses it for good; cancelling or expiring that order releases it.
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

    public Order? Order { get; private set; }
    public DateTime? UsedAt { get; private set; }
    public long Version { get; private set; }

    public CouponState StateAt(DateTime now) => this switch
    {
        { UsedAt: not null } => CouponState.Used,
        { OrderId: not null } when !ReservationLapsedAt(now) => CouponState.Reserved,
        _ when now >= ExpiresAt => CouponState.Expired,
        _ => CouponState.Valid,
    };

    /// <summary>
    /// The order holding this coupon let its payment window pass: it holds the coupon no longer, even before
    /// the expiry sweep marks it expired. Known only when <see cref="Order"/> is loaded.
    /// </summary>
    internal bool ReservationLapsedAt(DateTime now) =>
        Order is { Status: OrderStatus.AwaitingPayment } order && now >= order.ExpiresAt;

    /// <summary>The id the database gave the coupon when a claim batch inserted it without tracking it.</summary>
    internal void Stored(int id) => Id = id;

    internal void Reserve(Order order)
    {
        // A new order has no id yet: EF sets OrderId from the navigation when it saves.
        Order = order;
    }

    internal void Release()
    {
        Order = null;
        OrderId = null;
    }

    internal void MarkUsed(DateTime at) => UsedAt = at;
}
