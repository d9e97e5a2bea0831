namespace ECommerce.Domain.Catalog;

public sealed record StockAdjustmentView(long Id, int Delta, int StockAfter, string Reason, string Actor, DateTime At);
