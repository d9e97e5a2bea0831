using System.Text;

namespace ECommerce.Domain.Catalog;

/// <summary>
/// The reads every catalog search and top-5 makes, as plain commands on the context's open connection: each
/// compiled EF query still looked up its services and built a query context per execution (about a tenth of a
/// search under load, with lock contention in dependency injection at 64 connections), more than SQLite spends
/// running these. Standard SQL with quoted names, as <see cref="Coupons.ClaimCoupon"/>'s writes: both stores.
/// </summary>
internal static class CatalogReads
{
    /// <summary>The catalog's revision (see <see cref="CatalogRevision"/>), -1 before the first change.</summary>
    public static async Task<long> RevisionAsync(ShopDbContext db, CancellationToken ct)
    {
        await using var command = SqlCommands.On(db, """SELECT "Version" FROM "CatalogRevisions" WHERE "Id" = @id""");
        command.AddParameter("@id", CatalogRevision.SingletonId);
        return await command.ExecuteScalarAsync(ct) is { } version and not DBNull ? Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }

    /// <summary>The products with no stock left, for the in-stock filter.</summary>
    public static async Task<HashSet<int>> SoldOutIdsAsync(ShopDbContext db, CancellationToken ct)
    {
        await using var command = SqlCommands.On(db, """SELECT "Id" FROM "Products" WHERE "Stock" <= 0""");
        var ids = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    /// <summary>
    /// Name, shelf, price and stock as they are now, by id (ids not in the catalog are left out), and the catalog's
    /// revision read by the same statement: a search made on a kept index learns in the same round trip whether that
    /// index is still the catalog's.
    /// </summary>
    public static async Task<(Dictionary<int, ProductSummary> Rows, long Revision)> SummariesAsync(ShopDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        var rows = new Dictionary<int, ProductSummary>(ids.Count);
        if (ids.Count == 0)
        {
            return (rows, await RevisionAsync(db, ct));
        }

        await using var command = SqlCommands.On(db, "");
        var sql = new StringBuilder("""
            SELECT p."Id", p."Name", p."CategoryId", c."Name", p."Price", p."Stock",
                (SELECT "Version" FROM "CatalogRevisions" WHERE "Id" = @revision)
            FROM "Products" AS p INNER JOIN "Categories" AS c ON c."Id" = p."CategoryId"
            WHERE p."Id" IN (
            """);
        command.AddParameter("@revision", CatalogRevision.SingletonId);
        for (var i = 0; i < ids.Count; i++)
        {
            var name = $"@p{i}";
            sql.Append(i == 0 ? name : $", {name}");
            command.AddParameter(name, ids[i]);
        }

        command.CommandText = sql.Append(')').ToString();
        long? revision = null;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                rows[id] = new ProductSummary(id, reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt32(5));
                revision = reader.IsDBNull(6) ? -1 : reader.GetInt64(6);
            }
        }

        return (rows, revision ?? await RevisionAsync(db, ct));
    }
}
