namespace ECommerce.Domain.Coupons;

public enum CouponState
{
    Valid,

    /// <summary>Held by an order awaiting payment; usable again if that order is cancelled or expires.</summary>
    Reserved,
    Used,
    Expired,
}
