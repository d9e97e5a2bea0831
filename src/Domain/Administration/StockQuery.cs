namespace ECommerce.Domain.Administration;

/// <summary>What an admin filters the stock list by: part of a name, and whether to see only products running out.</summary>
public sealed record StockQuery(
    string? Keyword = null,
    bool LowStockOnly = false,
    StockSort Sort = StockSort.Name,
    int Page = 1,
    int PageSize = 20);
