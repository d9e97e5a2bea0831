namespace ECommerce.Domain.Catalog;

internal sealed partial class CatalogIndex
{
    /// <summary>
    /// The catalog as of one revision, sorted in every order a shopper can choose, whole and shelf by shelf: a
    /// category filter then reads only that shelf, and a price range on a price order is found by binary search
    /// instead of tested entry by entry.
    /// </summary>
    internal sealed class Snapshot
    {
        private readonly Ordering _byName;
        private readonly Ordering _byPrice;
        private readonly Ordering _byPriceDescending;
        private readonly Ordering _newestFirst;
        private readonly KeywordMatches _keywords;

        public Snapshot(long version, Entry[] entries)
        {
            Version = version;
            // The same orders, ties included, as the database would give: see CatalogTests.
            _byName = new([.. entries.OrderBy(e => e.SearchName, StringComparer.Ordinal).ThenBy(e => e.Id)]);
            _byPrice = new([.. entries.OrderBy(e => e.Price).ThenBy(e => e.Id)]);
            _byPriceDescending = new([.. entries.OrderByDescending(e => e.Price).ThenBy(e => e.Id)]);
            _newestFirst = new([.. entries.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)]);
            _keywords = new(entries);
        }

        public long Version { get; }

        /// <summary>The ids of one page of matches, in order, and how many products match in all.</summary>
        /// <remarks>
        /// Every word of the keyword must appear in the product's name, shelf or description, in any order:
        /// "coffee" finds the Coffee &amp; Tea shelf, "bottle cold" finds the Cold Brew Bottle.
        /// </remarks>
        public (List<int> Ids, int Total) Search(CatalogQuery query, string? keyword, IReadOnlySet<int>? soldOut, long skip, int take)
        {
            var words = keyword?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            var ordering = query.Sort switch
            {
                CatalogSort.PriceLowToHigh => _byPrice,
                CatalogSort.PriceHighToLow => _byPriceDescending,
                CatalogSort.Newest => _newestFirst,
                _ => _byName,
            };
            ReadOnlySpan<Entry> candidates = ordering.Shelf(query.CategoryId);
            var priceSorted = query.Sort is CatalogSort.PriceLowToHigh or CatalogSort.PriceHighToLow;
            if (priceSorted)
            {
                candidates = WithinPrice(candidates, query.MinPrice, query.MaxPrice, query.Sort == CatalogSort.PriceHighToLow);
            }

            var ids = new List<int>(take);
            if (words.Length == 0 && soldOut is null && (priceSorted || (query.MinPrice is null && query.MaxPrice is null)))
            {
                // Every candidate matches: the page is a slice.
                var start = (int)Math.Min(skip, candidates.Length);
                foreach (ref readonly var entry in candidates.Slice(start, Math.Min(take, candidates.Length - start)))
                {
                    ids.Add(entry.Id);
                }

                return (ids, candidates.Length);
            }

            var matches = Array.ConvertAll(words, _keywords.For);
            var total = 0;
            foreach (ref readonly var entry in candidates)
            {
                if (entry.Price < query.MinPrice
                    || entry.Price > query.MaxPrice
                    || !ContainsAll(entry, words, matches)
                    || (soldOut is not null && soldOut.Contains(entry.Id)))
                {
                    continue;
                }

                if (total >= skip && ids.Count < take)
                {
                    ids.Add(entry.Id);
                }

                total++;
            }

            return (ids, total);
        }

        private static bool ContainsAll(in Entry entry, string[] words, ulong[]?[] matches)
        {
            for (var i = 0; i < words.Length; i++)
            {
                var found = matches[i] is { } bits
                    ? KeywordMatches.Has(bits, entry.Ordinal)
                    : entry.SearchText.Contains(words[i], StringComparison.Ordinal);
                if (!found)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The run of <paramref name="byPrice"/> (sorted by price, either way) priced within the range.</summary>
        private static ReadOnlySpan<Entry> WithinPrice(ReadOnlySpan<Entry> byPrice, long? min, long? max, bool descending)
        {
            var low = min ?? long.MinValue;
            var high = max ?? long.MaxValue;
            // Ascending: skip those below the lowest price, stop at the first above the highest; descending, the reverse.
            var start = descending ? FirstWhere(byPrice, e => e.Price <= high) : FirstWhere(byPrice, e => e.Price >= low);
            var end = descending ? FirstWhere(byPrice, e => e.Price < low) : FirstWhere(byPrice, e => e.Price > high);
            return end <= start ? [] : byPrice[start..end];
        }

        /// <summary>The first index where <paramref name="reached"/> holds, which once true stays true; the length if never.</summary>
        private static int FirstWhere(ReadOnlySpan<Entry> entries, Func<Entry, bool> reached)
        {
            var (low, high) = (0, entries.Length);
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (reached(entries[middle]))
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }
    }
}
