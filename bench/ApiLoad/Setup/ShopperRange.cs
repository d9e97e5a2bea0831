namespace ECommerce.ApiLoad.Setup;

/// <summary>Shoppers <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive) of the benchmark's accounts.</summary>
internal readonly record struct ShopperRange(int Start, int End)
{
    public int Count => End - Start;

    public IEnumerable<int> Numbers => Enumerable.Range(Start, Count);
}
