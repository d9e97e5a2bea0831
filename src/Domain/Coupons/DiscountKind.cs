namespace ECommerce.Domain.Coupons;

public enum DiscountKind
{
    FixedAmount,
    Percent,
}
