namespace ECommerce.Storefront.Api.Contracts;

public sealed record PingView(bool Ok);
