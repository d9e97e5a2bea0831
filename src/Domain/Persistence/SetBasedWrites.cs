using System.Data.Common;
using System.Globalization;
using System.Text;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// A batch's rows written in one statement per table, as plain commands on the unit's connection and transaction
/// (<see cref="SqlCommands"/>): EF would build, prepare and run one statement per row, and track each. Standard SQL
/// (UPDATE … FROM (VALUES …), INSERT … VALUES (…), (…) … RETURNING) that SQLite and PostgreSQL both run; a VALUES
/// list's columns are named column1, column2, … on both.
/// </summary>
internal static class SetBasedWrites
{
    /// <summary>
    /// One UPDATE … FROM (VALUES (key, version, new values…), …) for the rows, each only at the version it was read
    /// at, bumping it (what <see cref="ShopDbContext"/> does for tracked rows); a row changed since makes the count
    /// short, and the unit of work reruns the batch.
    /// </summary>
    public static async Task UpdateVersionedAsync(ShopDbContext db, string table, string key, string[] columns,
        IEnumerable<(object Key, long Version, object[] Values)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        await using var command = SqlCommands.On(db, "");
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
            Parameter(command, sql, $"@k{r}", rowKey);
            Parameter(command, sql.Append(", "), $"@v{r}", version);
            for (var c = 0; c < values.Length; c++)
            {
                Parameter(command, sql.Append(", "), $"@c{r}_{c}", values[c]);
            }

            sql.Append(')');
        }

        sql.Append(CultureInfo.InvariantCulture, $"""
            ) AS v WHERE "{table}"."{key}" = v.column1 AND "{table}"."Version" = v.column2
            """);
        command.CommandText = sql.ToString();
        var updated = await command.ExecuteNonQueryAsync();
        if (updated != list.Count)
        {
            throw new DbUpdateConcurrencyException($"{list.Count - updated} of {list.Count} {table} rows changed while their batch was decided.");
        }
    }

    /// <summary>One multi-row INSERT (<paramref name="insert"/> up to VALUES, then the rows, then <paramref name="tail"/>); nothing for no rows.</summary>
    public static async Task InsertAsync(ShopDbContext db, string insert, IEnumerable<object[]> rows, string tail = "")
    {
        await using var command = Insert(db, insert, rows, tail);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The multi-row INSERT as a command to run (with a RETURNING tail, read it), or null for no rows.</summary>
    public static DbCommand? Insert(ShopDbContext db, string insert, IEnumerable<object[]> rows, string tail = "")
    {
        var command = SqlCommands.On(db, "");
        var sql = new StringBuilder(insert);
        var r = 0;
        foreach (var values in rows)
        {
            sql.Append(r == 0 ? " (" : ", (");
            for (var c = 0; c < values.Length; c++)
            {
                Parameter(command, sql.Append(c == 0 ? "" : ", "), $"@p{r}_{c}", values[c]);
            }

            sql.Append(')');
            r++;
        }

        if (r == 0)
        {
            command.Dispose();
            return null;
        }

        command.CommandText = sql.Append(tail).ToString();
        return command;
    }

    private static void Parameter(DbCommand command, StringBuilder sql, string name, object value)
    {
        command.AddParameter(name, value);
        sql.Append(name);
    }
}
