using System.Globalization;
using System.Text;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// A batch's rows written with one statement per table, as plain statements on the unit's connection and transaction
/// (<see cref="Statement"/>, <see cref="StatementBatch"/>): EF would build, prepare and run one statement per row, and
/// track each. Standard SQL (UPDATE … FROM (VALUES …), INSERT … VALUES (…), (…) … RETURNING) that SQLite and
/// PostgreSQL both run; a VALUES list's columns are named column1, column2, … on both.
/// </summary>
internal static class SetBasedWrites
{
    /// <summary>
    /// UPDATE … FROM (VALUES (key, version, new values…), …) for the rows (a plain UPDATE … WHERE for one), each only at
    /// the version it was read at, bumping it (what <see cref="ShopDbContext"/> does for tracked rows); a row changed
    /// since is not touched (<see cref="Statement.Versioned"/>), and the unit of work reruns the batch. Null for no rows.
    /// </summary>
    public static Statement? UpdateVersioned(string table, string key, string[] columns,
        IEnumerable<(object Key, long Version, object[] Values)> rows)
    {
        var list = rows.Select(r => (object[])[r.Key, r.Version, .. r.Values]).ToList();
        if (list.Count == 0)
        {
            return null;
        }

        string Set(Func<int, string> value) => string.Join(", ", columns.Select((column, c) => $"\"{column}\" = {value(c)}"));
        string Sql(int rows)
        {
            if (rows == 1)
            {
                return $"""
                    UPDATE "{table}" SET {Set(c => Statement.Parameter(0, c + 2))}, "Version" = "Version" + 1
                    WHERE "{key}" = {Statement.Parameter(0, 0)} AND "Version" = {Statement.Parameter(0, 1)}
                    """;
            }

            var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""
                UPDATE "{table}" SET {Set(c => $"v.column{c + 3}")}, "Version" = "{table}"."Version" + 1 FROM (VALUES
                """);
            return Values(sql, rows, columns.Length + 2).Append(CultureInfo.InvariantCulture, $"""
                ) AS v WHERE "{table}"."{key}" = v.column1 AND "{table}"."Version" = v.column2
                """).ToString();
        }

        return new Statement(table, Sql, list, Versioned: true);
    }

    /// <summary>INSERT INTO <paramref name="table"/> (<paramref name="columns"/>) VALUES (…), (…) for the rows, then <paramref name="tail"/> (ON CONFLICT, RETURNING); null for no rows.</summary>
    public static Statement? Insert(string table, string[] columns, IEnumerable<object[]> rows, string tail = "")
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var head = $"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES""";
        return new Statement(table, n => Values(new StringBuilder(head), n, columns.Length).Append(tail).ToString(), list);
    }

    private static StringBuilder Values(StringBuilder sql, int rows, int columns)
    {
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? " (" : ", (");
            for (var c = 0; c < columns; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(Statement.Parameter(r, c));
            }

            sql.Append(')');
        }

        return sql;
    }
}
