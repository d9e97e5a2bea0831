namespace ECommerce.Storefront.Api.Contracts;

public sealed record OrderLineRequest(int ProductId, int Quantity);
