namespace ECommerce.Domain.Catalog;

public sealed record NewProduct(int CategoryId, string Name, string Description, long Price, int InitialStock);
