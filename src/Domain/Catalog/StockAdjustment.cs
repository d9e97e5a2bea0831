namespace ECommerce.Domain.Catalog;

/// <summary>
/// A stock change that is not a sale: the opening stock, a restock, a correction. With the units sold in
/// paid orders these explain every product's stock: stock = sum of adjustments − units sold.
/// </summary>
public sealed class StockAdjustment
{
    private StockAdjustment()
    {
        Reason = "";
        Actor = "";
    }

    internal StockAdjustment(Product product, int delta, int stockAfter, string reason, string actor, DateTime createdAt)
    {
        Product = product;
        ProductId = product.Id;
        Delta = delta;
        StockAfter = stockAfter;
        Reason = reason;
        Actor = actor;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public int ProductId { get; private set; }
    public Product? Product { get; private set; }
    public int Delta { get; private set; }
    public int StockAfter { get; private set; }
    public string Reason { get; private set; }
    public string Actor { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
