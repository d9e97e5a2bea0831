namespace ECommerce.Domain.Catalog;

public enum CatalogSort
{
    Name,
    PriceLowToHigh,
    PriceHighToLow,
    Newest,
}
