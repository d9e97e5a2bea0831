namespace ECommerce.Domain.Catalog;

/// <summary>
/// One row whose <see cref="Version"/> changes with every change of what shoppers search by (a product added,
/// renamed, re-priced or moved). <see cref="CatalogIndex"/> rebuilds itself when it sees a new version, so
/// every process sees every change. Stock is not part of it: stock is always read fresh.
/// </summary>
public sealed class CatalogRevision
{
    internal const int SingletonId = 1;

    private CatalogRevision()
    {
    }

    internal CatalogRevision(DateTime at)
    {
        Id = SingletonId;
        ChangedAt = at;
    }

    public int Id { get; private set; }
    public DateTime ChangedAt { get; private set; }
    public long Version { get; private set; }

    /// <summary>Records a change of the catalog in the caller's unit of work: creates the row, or bumps its version.</summary>
    internal static async Task TouchAsync(ShopDbContext db, DateTime at, CancellationToken ct)
    {
        var revision = await db.CatalogRevisions.FindAsync([SingletonId], ct);
        if (revision is null)
        {
            db.CatalogRevisions.Add(new CatalogRevision(at));
        }
        else
        {
            // Modified even when the clock has not moved, so that SaveChanges bumps the version.
            revision.ChangedAt = at;
            db.Entry(revision).State = EntityState.Modified;
        }
    }
}
