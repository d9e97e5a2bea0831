namespace ECommerce.Domain.Coupons;

/// <summary>
/// A first-come-first-served coupon campaign. <see cref="IssuedCount"/> never passes <see cref="TotalQuantity"/>;
/// <see cref="Version"/> makes two claims of the last coupon collide.
/// </summary>
public sealed class CouponCampaign
{
    private CouponCampaign()
    {
        Code = "";
        Name = "";
    }

    internal CouponCampaign(NewCouponCampaign spec, DateTime createdAt)
    {
        Code = spec.Code.Trim().ToUpperInvariant();
        Name = spec.Name.Trim();
        DiscountKind = spec.DiscountKind;
        DiscountValue = spec.DiscountValue;
        MaxDiscount = spec.MaxDiscount;
        MinOrderAmount = spec.MinOrderAmount;
        TotalQuantity = spec.TotalQuantity;
        ClaimOpensAt = spec.ClaimOpensAt;
        ClaimClosesAt = spec.ClaimClosesAt;
        CouponValidFor = spec.CouponValidFor;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public DiscountKind DiscountKind { get; private set; }

    /// <summary>Won for <see cref="DiscountKind.FixedAmount"/>, percent (1–100) for <see cref="DiscountKind.Percent"/>.</summary>
    public long DiscountValue { get; private set; }

    /// <summary>Upper bound of a percent discount, in won; none when null.</summary>
    public long? MaxDiscount { get; private set; }

    public long MinOrderAmount { get; private set; }
    public int TotalQuantity { get; private set; }
    public int IssuedCount { get; private set; }
    public DateTime ClaimOpensAt { get; private set; }
    public DateTime ClaimClosesAt { get; private set; }
    public TimeSpan CouponValidFor { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public long Version { get; private set; }

    public int Remaining => TotalQuantity - IssuedCount;

    public string DiscountDescription => DiscountKind switch
    {
        DiscountKind.Percent when MaxDiscount is { } cap => $"{DiscountValue}% off (up to {Money.Format(cap)})",
        DiscountKind.Percent => $"{DiscountValue}% off",
        _ => $"{Money.Format(DiscountValue)} off",
    };

    /// <summary>The discount on an order of <paramref name="subtotal"/> won; never more than the subtotal.</summary>
    public long DiscountFor(long subtotal)
    {
        var discount = DiscountKind switch
        {
            DiscountKind.Percent => subtotal * DiscountValue / 100,
            _ => DiscountValue,
        };
        if (MaxDiscount is { } cap)
        {
            discount = Math.Min(discount, cap);
        }

        return Math.Min(discount, subtotal);
    }

    /// <summary>An order below <see cref="MinOrderAmount"/> cannot use the coupon; the sentence and <see cref="ShopError.Shortfall"/> say how much is missing.</summary>
    public ShopError? CheckMinimumOrder(long subtotal) =>
        subtotal < MinOrderAmount
            ? new ShopError(ErrorCode.CouponBelowMinimumOrder,
                $"\"{Name}\" needs an order of at least {Money.Format(MinOrderAmount)}; add {Money.Format(MinOrderAmount - subtotal)} more.")
            {
                Shortfall = MinOrderAmount - subtotal,
            }
            : null;

    internal ShopError? CheckClaimable(DateTime now)
    {
        if (now < ClaimOpensAt)
        {
            return new ShopError(ErrorCode.CouponNotOpenYet,
                $"Claims for \"{Name}\" open at {ShopTime.Format(ClaimOpensAt)}.");
        }

        if (now >= ClaimClosesAt)
        {
            return new ShopError(ErrorCode.CouponClaimClosed,
                $"Claims for \"{Name}\" closed at {ShopTime.Format(ClaimClosesAt)}.");
        }

        return Remaining <= 0
            ? new ShopError(ErrorCode.CouponSoldOut, $"All {TotalQuantity} coupons of \"{Name}\" have been claimed.")
            : null;
    }

    internal IssuedCoupon Issue(string shopperId, DateTime now)
    {
        if (CheckClaimable(now) is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }

        IssuedCount++;
        return new IssuedCoupon(this, shopperId, now, now + CouponValidFor);
    }
}
