using System.Globalization;
using System.Text;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// A batch's rows written in one statement per table, as plain statements on the unit's connection and transaction
/// (<see cref="Statement"/>, <see cref="StatementBatch"/>): EF would build, prepare and run one statement per row, and
/// track each. Standard SQL (UPDATE … FROM (VALUES …), INSERT … VALUES (…), (…) … RETURNING) that SQLite and
/// PostgreSQL both run; a VALUES list's columns are named column1, column2, … on both.
/// </summary>
internal static class SetBasedWrites
{
    /// <summary>
    /// One UPDATE … FROM (VALUES (key, version, new values…), …) for the rows, each only at the version it was read
    /// at, bumping it (what <see cref="ShopDbContext"/> does for tracked rows); a row changed since makes the count
    /// short (<see cref="Statement.Check"/>), and the unit of work reruns the batch. Null for no rows.
    /// </summary>
    public static Statement? UpdateVersioned(string table, string key, string[] columns,
        IEnumerable<(object Key, long Version, object[] Values)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return null;
        }

        var parameters = new List<KeyValuePair<string, object>>();
        var sql = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""UPDATE "{table}" SET """);
        for (var c = 0; c < columns.Length; c++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"""{(c == 0 ? "" : ", ")}"{columns[c]}" = v.column{c + 3}""");
        }

        sql.Append(CultureInfo.InvariantCulture, $"""
            , "Version" = "{table}"."Version" + 1 FROM (VALUES
            """);
        for (var r = 0; r < list.Count; r++)
        {
            var (rowKey, version, values) = list[r];
            sql.Append(r == 0 ? " (" : ", (");
            Parameter(parameters, sql, $"@k{r}", rowKey);
            Parameter(parameters, sql.Append(", "), $"@v{r}", version);
            for (var c = 0; c < values.Length; c++)
            {
                Parameter(parameters, sql.Append(", "), $"@c{r}_{c}", values[c]);
            }

            sql.Append(')');
        }

        sql.Append(CultureInfo.InvariantCulture, $"""
            ) AS v WHERE "{table}"."{key}" = v.column1 AND "{table}"."Version" = v.column2
            """);
        return new Statement(sql.ToString(), parameters, list.Count, table);
    }

    /// <summary>One multi-row INSERT (<paramref name="insert"/> up to VALUES, then the rows, then <paramref name="tail"/>); null for no rows.</summary>
    public static Statement? Insert(string insert, IEnumerable<object[]> rows, string tail = "")
    {
        var parameters = new List<KeyValuePair<string, object>>();
        var sql = new StringBuilder(insert);
        var r = 0;
        foreach (var values in rows)
        {
            sql.Append(r == 0 ? " (" : ", (");
            for (var c = 0; c < values.Length; c++)
            {
                Parameter(parameters, sql.Append(c == 0 ? "" : ", "), $"@p{r}_{c}", values[c]);
            }

            sql.Append(')');
            r++;
        }

        return r == 0 ? null : new Statement(sql.Append(tail).ToString(), parameters);
    }

    /// <summary>The multi-row INSERT run alone; nothing for no rows.</summary>
    public static async Task InsertAsync(ShopDbContext db, string insert, IEnumerable<object[]> rows, string tail = "")
    {
        if (Insert(insert, rows, tail) is { } statement)
        {
            await using var command = statement.ToCommand(db);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static void Parameter(List<KeyValuePair<string, object>> parameters, StringBuilder sql, string name, object value)
    {
        parameters.Add(new(name, value));
        sql.Append(name);
    }
}
