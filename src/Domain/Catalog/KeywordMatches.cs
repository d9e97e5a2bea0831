using System.Collections.Concurrent;

namespace ECommerce.Domain.Catalog;

/// <summary>
/// Which entries of one <see cref="CatalogIndex.Snapshot"/> contain a word, one bit per entry, worked out the first
/// time the word is searched for and kept while the snapshot lives. A snapshot never changes, so a kept answer never
/// goes stale; the substring test over every entry was two fifths of a search's time (see docs/performance.md).
/// At most <see cref="MaxWords"/> words are kept, so searches for ever new words cannot grow it without bound:
/// past that a word's bits are worked out again at each search.
/// </summary>
/// <param name="entries">Every entry of the snapshot, each with its own <see cref="CatalogIndex.Entry.Ordinal"/> below their count; in any order.</param>
internal sealed class KeywordMatches(CatalogIndex.Entry[] entries)
{
    internal const int MaxWords = 1_024;

    private readonly ConcurrentDictionary<string, ulong[]> _byWord = new(StringComparer.Ordinal);

    /// <summary>The entries containing <paramref name="word"/> as bits by ordinal.</summary>
    public ulong[] For(string word)
    {
        if (_byWord.TryGetValue(word, out var bits))
        {
            return bits;
        }

        bits = new ulong[(entries.Length + 63) / 64];
        foreach (ref readonly var entry in entries.AsSpan())
        {
            if (entry.SearchText.Contains(word, StringComparison.Ordinal))
            {
                bits[entry.Ordinal >> 6] |= 1UL << entry.Ordinal;
            }
        }

        // Two first searches for one word compute the same bits; either copy may be kept.
        return _byWord.Count >= MaxWords ? bits : _byWord.GetOrAdd(word, bits);
    }
}
