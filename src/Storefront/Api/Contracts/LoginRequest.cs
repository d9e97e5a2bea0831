namespace ECommerce.Storefront.Api.Contracts;

public sealed record LoginRequest(string Email, string Password);
