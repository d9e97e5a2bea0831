using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;

namespace ECommerce.Domain.Administration;

/// <summary>
/// The largest numbers the admin's forms may send, named by the rules that own them, so a number box can refuse a
/// huge value with the real limit instead of a type's size. The rules themselves still decide every value.
/// </summary>
public static class AdminLimits
{
    /// <summary>A product holds at most this many units.</summary>
    public const long MaxStock = int.MaxValue;

    public const long MaxCoupons = CampaignRules.MaxQuantity;

    /// <summary>No fixed discount or cap is worth more than the dearest product may cost.</summary>
    public const long MaxAmount = Product.MaxPrice;

    /// <summary>A percent discount takes at most the whole price.</summary>
    public const long MaxPercent = 100;

    public static readonly int MaxValidityDays = (int)CampaignRules.MaxValidity.TotalDays;
}
