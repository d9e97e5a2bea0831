using System.Text.Json;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// The rows whose two key columns hold one of the given pairs, the pairs joined in SQL as one parameter (SQLite's
/// <c>json_each</c>, PostgreSQL's <c>unnest</c> of two arrays): one index lookup per pair. Asked as
/// <c>a IN (…) AND b IN (…)</c>, the store looks up every combination of the two lists: for a batch of 256 commands,
/// 65,536 lookups while the batch holds the write gate (52 ms for 300 pairs in SQLite, against 0.25 ms joined).
/// </summary>
internal static class KeyPairs
{
    /// <param name="table">The table of <paramref name="rows"/>, and its two key columns: names from the model, never input.</param>
    public static IQueryable<T> Matching<T>(ShopDbContext db, DbSet<T> rows, string table, string first, string second,
        IEnumerable<(string First, string Second)> pairs)
        where T : class
    {
        var distinct = pairs.Distinct().ToList();
        if (db.Database.IsSqlite())
        {
            var joined = $$"""
                SELECT t.* FROM json_each({0}) AS j JOIN "{{table}}" AS t ON t."{{first}}" = j.value ->> 0 AND t."{{second}}" = j.value ->> 1
                """;
            return rows.FromSqlRaw(joined, JsonSerializer.Serialize(distinct.Select(p => new[] { p.First, p.Second })));
        }

        var unnested = $$"""
            SELECT t.* FROM unnest({0}, {1}) AS j(a, b) JOIN "{{table}}" AS t ON t."{{first}}" = j.a AND t."{{second}}" = j.b
            """;
        return rows.FromSqlRaw(unnested, distinct.Select(p => p.First).ToArray(), distinct.Select(p => p.Second).ToArray());
    }
}
