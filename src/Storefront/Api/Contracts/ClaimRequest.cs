namespace ECommerce.Storefront.Api.Contracts;

public sealed record ClaimRequest(string CouponCode);
