namespace ECommerce.Storefront.Api.Contracts;

public sealed record RefreshRequest(string RefreshToken);
