using System.Buffers;
using System.Numerics;

namespace ECommerce.Domain.Catalog;

internal sealed partial class CatalogIndex
{
    /// <summary>
    /// The catalog as of one revision, sorted in every order a shopper can choose, whole and shelf by shelf: a
    /// category filter then reads only that shelf, and a price range on a price order is found by binary search
    /// instead of tested entry by entry. A filtered search marks its matches one bit per entry (the shelf's run,
    /// each word's kept matches, the sold-out products cleared), counts them from the bits, and walks its order only
    /// as far as its page: see docs/performance.md.
    /// </summary>
    internal sealed class Snapshot
    {
        private readonly Ordering _byName;
        private readonly Ordering _byPrice;
        private readonly Ordering _byPriceDescending;
        private readonly Ordering _newestFirst;
        private readonly KeywordMatches _keywords;

        /// <summary>Each entry's price by ordinal, each product's ordinal by id, each shelf's run of ordinals.</summary>
        private readonly long[] _prices;
        private readonly Dictionary<int, int> _ordinals;
        private readonly Dictionary<int, (int Start, int End)> _shelves;

        public Snapshot(long version, IEnumerable<Entry> products)
        {
            Version = version;
            // Numbered shelf by shelf, so that each shelf is one run of bits.
            Entry[] entries = [.. products.OrderBy(e => e.CategoryId).ThenBy(e => e.Id).Select((e, ordinal) => e with { Ordinal = ordinal })];
            _prices = [.. entries.Select(e => e.Price)];
            _ordinals = entries.ToDictionary(e => e.Id, e => e.Ordinal);
            _shelves = entries.GroupBy(e => e.CategoryId).ToDictionary(g => g.Key, g => (g.First().Ordinal, g.Last().Ordinal + 1));
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
            var priced = query.MinPrice is not null || query.MaxPrice is not null;
            var priceSorted = query.Sort is CatalogSort.PriceLowToHigh or CatalogSort.PriceHighToLow;
            if (priceSorted)
            {
                candidates = WithinPrice(candidates, query.MinPrice, query.MaxPrice, query.Sort == CatalogSort.PriceHighToLow);
            }

            var ids = new List<int>(take);
            if (words.Length == 0 && soldOut is null && (priceSorted || !priced))
            {
                // Every candidate matches: the page is a slice.
                var start = (int)Math.Min(skip, candidates.Length);
                foreach (ref readonly var entry in candidates.Slice(start, Math.Min(take, candidates.Length - start)))
                {
                    ids.Add(entry.Id);
                }

                return (ids, candidates.Length);
            }

            if (candidates.IsEmpty)
            {
                return (ids, 0);
            }

            var (low, high) = (query.MinPrice ?? long.MinValue, query.MaxPrice ?? long.MaxValue);
            var shelf = query.CategoryId is { } category ? _shelves[category] : (0, _prices.Length);
            var mask = ArrayPool<ulong>.Shared.Rent((_prices.Length + 63) / 64);
            try
            {
                Mark(mask, shelf, words, soldOut);
                var total = priced ? CountPriced(mask, shelf, query.CategoryId, low, high) : CountMarked(mask, shelf);
                var wanted = Math.Min(take, total - skip);
                var passed = 0L;
                foreach (ref readonly var entry in candidates)
                {
                    if (ids.Count >= wanted)
                    {
                        break;
                    }

                    if ((mask[entry.Ordinal >> 6] & (1UL << entry.Ordinal)) != 0 && entry.Price >= low && entry.Price <= high && passed++ >= skip)
                    {
                        ids.Add(entry.Id);
                    }
                }

                return (ids, total);
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(mask);
            }
        }

        /// <summary>Sets the bits of the shelf's entries that contain every word and are not sold out; clears every other.</summary>
        private void Mark(ulong[] mask, (int Start, int End) shelf, string[] words, IReadOnlySet<int>? soldOut)
        {
            var span = mask.AsSpan(0, (_prices.Length + 63) / 64);
            span.Clear();
            for (var ordinal = shelf.Start; ordinal < shelf.End;)
            {
                // A whole word at a time where the run covers it, bit by bit at its ends.
                if ((ordinal & 63) == 0 && shelf.End - ordinal >= 64)
                {
                    span[ordinal >> 6] = ulong.MaxValue;
                    ordinal += 64;
                }
                else
                {
                    span[ordinal >> 6] |= 1UL << ordinal;
                    ordinal++;
                }
            }

            foreach (var word in words)
            {
                var bits = _keywords.For(word);
                for (var i = shelf.Start >> 6; i <= (shelf.End - 1) >> 6; i++)
                {
                    span[i] &= bits[i];
                }
            }

            if (soldOut is null)
            {
                return;
            }

            foreach (var id in soldOut)
            {
                if (_ordinals.TryGetValue(id, out var ordinal))
                {
                    span[ordinal >> 6] &= ~(1UL << ordinal);
                }
            }
        }

        private static int CountMarked(ulong[] mask, (int Start, int End) shelf)
        {
            var count = 0;
            for (var i = shelf.Start >> 6; i <= (shelf.End - 1) >> 6; i++)
            {
                count += BitOperations.PopCount(mask[i]);
            }

            return count;
        }

        /// <summary>
        /// How many marked entries are priced within [low, high]: the marked ones tested one by one when they are few,
        /// else the shelf's entries in the range (found by binary search) less the unmarked ones among them.
        /// </summary>
        private int CountPriced(ulong[] mask, (int Start, int End) shelf, int? category, long low, long high)
        {
            var marked = CountMarked(mask, shelf);
            var unmarked = shelf.End - shelf.Start - marked;
            return marked <= unmarked
                ? CountWithin(mask, shelf, marked: true, low, high)
                : WithinPrice(_byPrice.Shelf(category), low, high, descending: false).Length - CountWithin(mask, shelf, marked: false, low, high);
        }

        private int CountWithin(ulong[] mask, (int Start, int End) shelf, bool marked, long low, long high)
        {
            var count = 0;
            for (var i = shelf.Start >> 6; i <= (shelf.End - 1) >> 6; i++)
            {
                var bits = marked ? mask[i] : ~mask[i];
                while (bits != 0)
                {
                    var ordinal = (i << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (ordinal >= shelf.Start && ordinal < shelf.End && _prices[ordinal] >= low && _prices[ordinal] <= high)
                    {
                        count++;
                    }
                }
            }

            return count;
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
