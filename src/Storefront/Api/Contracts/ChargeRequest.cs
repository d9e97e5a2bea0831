namespace ECommerce.Storefront.Api.Contracts;

/// <summary>An amount in minor units (won).</summary>
public sealed record ChargeRequest(long Amount);
