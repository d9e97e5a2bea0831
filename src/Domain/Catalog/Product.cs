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

    /// <summary>
    /// Whether <paramref name="quantity"/> units can be sold now; the sentence names what is left. Several lines
    /// of one order are refused together by <see cref="CheckCanSell(IEnumerable{ValueTuple{Product, int}})"/>.
    /// </summary>
    public ShopError? CheckCanSell(int quantity) => CheckCanSell([(this, quantity)]);

    /// <summary>The lines that lack stock, all named in one sentence, the first one's figures attached.</summary>
    public static ShopError? CheckCanSell(IEnumerable<(Product Product, int Quantity)> lines)
    {
        var lacking = lines.Where(l => l.Product.ShortageOf(l.Quantity) > 0).ToList();
        if (lacking.Count == 0)
        {
            return null;
        }

        var which = string.Join(", ", lacking.Select(l => l.Product.ShortageSentence(l.Quantity)));
        return new ShopError(ErrorCode.OutOfStock, $"Not enough stock: {which}.")
        {
            ProductId = lacking[0].Product.Id,
            CurrentValue = lacking[0].Product.Stock,
        };
    }

    /// <summary>How many of <paramref name="quantity"/> units are missing from the shelf; zero when all are there.</summary>
    public int ShortageOf(int quantity) => Math.Max(0, quantity - Stock);

    /// <summary>What a shopper asking for <paramref name="quantity"/> units hears, or null when they are all there.</summary>
    public string? ShortageSentence(int quantity) => ShortageOf(quantity) == 0 ? null
        : Stock == 0 ? $"\"{Name}\" is sold out"
        : $"only {Stock} of \"{Name}\" left (you asked for {quantity})";

    /// <summary>An admin's change of stock by <paramref name="delta"/>: the shelf can neither go below zero nor overflow.</summary>
    public ShopError? CheckCanAdjust(int delta) =>
        Stock + (long)delta is < 0 or > int.MaxValue
            ? new ShopError(ErrorCode.StockWouldGoNegative,
                $"\"{Name}\" has {Stock} in stock; a change of {delta} is not possible.")
            {
                ProductId = Id,
                CurrentValue = Stock,
            }
            : null;

    /// <summary>Takes sold units off the shelf; a caller that skipped <see cref="CheckCanSell(int)"/> gets an exception, never negative stock.</summary>
    internal void Sell(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (CheckCanSell(quantity) is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }

        Stock -= quantity;
    }

    internal StockAdjustment AdjustStock(int delta, string reason, string actor, DateTime at)
    {
        if (CheckCanAdjust(delta) is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }

        Stock += delta;
        return new StockAdjustment(this, delta, Stock, reason, actor, at);
    }
}
