namespace ECommerce.Domain.Administration;

public enum StockSort
{
    Name,
    LowestStockFirst,
    HighestStockFirst,
}
