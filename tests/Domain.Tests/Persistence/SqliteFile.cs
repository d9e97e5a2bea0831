using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Tests.Persistence;

/// <summary>Reads an SQLite file straight from its own connection: its schema, its rows and single values.</summary>
internal static partial class SqliteFile
{
    /// <summary>Every table and index with its definition, whitespace folded, in name order; EF's and the legacy bookkeeping ("__…") left out.</summary>
    public static async Task<List<string>> DescribeAsync(string path)
    {
        var rows = await QueryAsync(path,
            "SELECT \"type\" || ' ' || \"sql\" FROM sqlite_master WHERE \"sql\" IS NOT NULL AND \"name\" NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY \"name\"");
        return [.. rows.Select(sql => Whitespace().Replace(sql, " ").Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal)
            .Replace(" ,", ",", StringComparison.Ordinal))]; // SQLite writes an added column as "\n, \"Name\" TYPE".
    }

    /// <summary>Every row of every table (but the bookkeeping), by table, each row as its columns' values in column order.</summary>
    public static async Task<Dictionary<string, List<string>>> ReadAllRowsAsync(string path)
    {
        var tables = await QueryAsync(path,
            "SELECT \"name\" FROM sqlite_master WHERE \"type\" = 'table' AND \"name\" NOT LIKE '\\_\\_%' ESCAPE '\\' AND \"name\" NOT LIKE 'sqlite%' ORDER BY \"name\"");
        var rows = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var columns = await QueryAsync(path, $"SELECT \"name\" FROM pragma_table_info('{table}') ORDER BY \"cid\"");
            var values = string.Join(" || '|' || ", columns.Select(c => $"COALESCE(quote(\"{c}\"), 'NULL')"));
            rows[table] = await QueryAsync(path, $"SELECT {values} FROM \"{table}\" ORDER BY rowid");
        }

        return rows;
    }

    public static async Task<List<string>> QueryAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
