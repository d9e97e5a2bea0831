namespace ECommerce.Domain.Catalog;

/// <summary>
/// A product and its stock. Stock only changes through <see cref="Sell"/> and <see cref="AdjustStock"/>;
/// <see cref="Version"/> is the optimistic concurrency token that makes two racing changes collide.
/// </summary>
public sealed class Product
{
    private Product()
    {
        Name = "";
        SearchName = "";
        Description = "";
    }

    public Product(Category category, string name, string description, long price, DateTime createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(price, MaxPrice);
        Category = category;
        CategoryId = category.Id;
        Name = name.Trim();
        SearchName = Normalize(Name);
        Description = description;
        Price = price;
        CreatedAt = createdAt;
    }

    /// <summary>₩100,000,000: with at most 50 lines of 999 units, no order total can overflow.</summary>
    public const long MaxPrice = 100_000_000;

    public int Id { get; private set; }
    public int CategoryId { get; private set; }
    public Category? Category { get; private set; }
    public string Name { get; private set; }

    /// <summary>The name folded for keyword search, so the search is case-insensitive on every database.</summary>
    public string SearchName { get; private set; }

    public string Description { get; private set; }
    public long Price { get; private set; }
    public int Stock { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public long Version { get; private set; }

    internal static string Normalize(string text) => text.Trim().ToLowerInvariant();

    internal void Sell(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (quantity > Stock)
        {
            throw new InvalidOperationException($"Product {Id} has {Stock} in stock, cannot sell {quantity}.");
        }

        Stock -= quantity;
    }

    internal StockAdjustment AdjustStock(int delta, string reason, string actor, DateTime at)
    {
        if (Stock + (long)delta < 0)
        {
            throw new InvalidOperationException($"Product {Id} has {Stock} in stock, cannot adjust by {delta}.");
        }

        Stock += delta;
        return new StockAdjustment(this, delta, Stock, reason, actor, at);
    }
}
