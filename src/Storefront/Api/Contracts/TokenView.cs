namespace ECommerce.Storefront.Api.Contracts;

/// <summary>What sign-in and refresh answer (Identity's bearer token response): send AccessToken as "Bearer".</summary>
public sealed record TokenView(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
