namespace ECommerce.Domain.Diagnostics;

/// <summary>The shopper actions the shop counts, each accepted or refused (see <see cref="ShopMetrics"/>).</summary>
public enum ShopAction
{
    Claim,
    Payment,
    Charge,
}
