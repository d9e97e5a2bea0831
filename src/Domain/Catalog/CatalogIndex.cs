namespace ECommerce.Domain.Catalog;

/// <summary>
/// What shoppers search the catalog by (category, name, price, age, and the words of its name, shelf and
/// description) for every product, kept in memory and
/// sorted in each order a shopper can choose. A filtered, sorted, counted page is then one pass over an
/// array, where the database would scan the products (a keyword is a substring match, which no ordinary
/// index serves) and sort thousands of rows for the page and count them again. See docs/performance.md.
/// <para>
/// Rebuilt whenever <see cref="CatalogRevision"/> changes, whichever process changed the catalog. Stock is
/// not kept here: the in-stock filter and the stock a shopper sees are read from the database every time.
/// </para>
/// </summary>
internal sealed partial class CatalogIndex : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private Snapshot? _current;

    /// <summary>The index last built, if any: whether it is still the catalog's is for the caller to check.</summary>
    public Snapshot? Latest => Volatile.Read(ref _current);

    /// <summary>The index as of the catalog's current revision, rebuilt first when the catalog has changed.</summary>
    /// <remarks>The caller opens the context's connection first: the revision is read on it.</remarks>
    public async Task<Snapshot> CurrentAsync(ShopDbContext db, CancellationToken ct) =>
        await AtAsync(db, await CatalogReads.RevisionAsync(db, ct), ct);

    /// <summary>The index as of a revision just read from the database, rebuilt first when it is not that one.</summary>
    public async Task<Snapshot> AtAsync(ShopDbContext db, long version, CancellationToken ct)
    {
        var current = Volatile.Read(ref _current);
        if (current?.Version == version)
        {
            return current;
        }

        await _rebuild.WaitAsync(ct);
        try
        {
            current = _current;
            if (current?.Version == version)
            {
                return current;
            }

            // Read after the version: the products are at least as new as the version they are filed under.
            var rows = await db.Products.AsNoTracking()
                .Select(p => new { p.Id, p.CategoryId, p.SearchName, p.Price, p.CreatedAt, Shelf = p.Category!.Name, p.Description })
                .ToArrayAsync(ct);
            current = new Snapshot(version, rows.Select(p => new Entry(p.Id, p.CategoryId, p.SearchName, p.Price, p.CreatedAt,
                Product.Normalize($"{p.SearchName} {p.Shelf} {p.Description}"))));
            Volatile.Write(ref _current, current);
            return current;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public void Dispose() => _rebuild.Dispose();

    /// <param name="SearchText">Name, shelf and description, folded: what a keyword is looked for in.</param>
    internal readonly record struct Entry(int Id, int CategoryId, string SearchName, long Price, DateTime CreatedAt, string SearchText)
    {
        /// <summary>The entry's place in its snapshot, which numbers them shelf by shelf: what a search's bits are kept by.</summary>
        public int Ordinal { get; init; }
    }
}
