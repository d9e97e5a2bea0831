namespace ECommerce.Domain.Catalog;

internal sealed partial class CatalogIndex
{
    /// <summary>The whole catalog in one order, and each shelf's products in the same order.</summary>
    private sealed class Ordering
    {
        private readonly Entry[] _all;
        private readonly Dictionary<int, Entry[]> _byShelf;

        public Ordering(Entry[] sorted)
        {
            _all = sorted;
            // GroupBy keeps the order within each group.
            _byShelf = sorted.GroupBy(e => e.CategoryId).ToDictionary(g => g.Key, g => g.ToArray());
        }

        /// <summary>Every product, or only those of one category (none when it has none).</summary>
        public Entry[] Shelf(int? categoryId) =>
            categoryId is not { } id ? _all : _byShelf.TryGetValue(id, out var shelf) ? shelf : [];
    }
}
