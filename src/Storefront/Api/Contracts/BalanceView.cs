namespace ECommerce.Storefront.Api.Contracts;

/// <summary>A balance in minor units (won).</summary>
public sealed record BalanceView(long Balance);
