using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// Rows written with one statement shape (<see cref="SetBasedWrites"/> builds them), run alone
/// (<see cref="ExecuteAsync"/>) or with others (<see cref="StatementBatch"/>). On PostgreSQL all the rows go as one
/// multi-row statement: one round trip. On SQLite, in process, the one-row statement is prepared once and run per
/// row with its parameters bound again: SQLite finds a named parameter by a linear search of the statement's names,
/// when it parses and again when Microsoft.Data.Sqlite binds, so one statement of n parameters costs n² (a batch's
/// multi-row statements, thousands of parameters, were a quarter of small-box's processor time).
/// </summary>
/// <param name="Sql">The statement for that many rows, row r's value c named <see cref="Parameter"/>(r, c).</param>
/// <param name="Versioned">
/// Every row must be touched: a row not touched was changed by another writer since it was read (its version no
/// longer matches), a conflict, and the unit of work reruns its batch.
/// </param>
internal sealed record Statement(string Table, Func<int, string> Sql, IReadOnlyList<object[]> Rows, bool Versioned = false)
{
    public static string Parameter(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}");

    /// <summary>Runs the rows on the unit's connection and transaction; <paramref name="read"/> gets every row a RETURNING gives back.</summary>
    public Task ExecuteAsync(ShopDbContext db, Action<DbDataReader>? read = null) =>
        ExecuteAsync(db.Database.GetDbConnection(), SqlCommands.Transaction(db), read);

    /// <summary>The same on a bare connection (the benchmark's floors run the shop's statements without a context).</summary>
    public async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, Action<DbDataReader>? read = null)
    {
        if (connection is not SqliteConnection)
        {
            await using var all = SqlCommands.On(connection, transaction, Sql(Rows.Count));
            AddParameters(all.Parameters, all.CreateParameter, Rows);
            Check(await RunAsync(all, read), Rows.Count);
            return;
        }

        await using var one = SqlCommands.On(connection, transaction, Sql(1));
        var parameters = AddParameters(one.Parameters, one.CreateParameter, [Rows[0]]);
        foreach (var row in Rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                parameters[c].Value = row[c];
            }

            Check(await RunAsync(one, read), 1);
        }
    }

    /// <summary>All the rows as one command of <paramref name="batch"/> (PostgreSQL's round trip for several statements).</summary>
    public void AddTo(DbBatch batch)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = Sql(Rows.Count);
        AddParameters(command.Parameters, command.CreateParameter, Rows);
        batch.BatchCommands.Add(command);
    }

    /// <summary>After the batch: its rows touched as many as named (see <see cref="Versioned"/>).</summary>
    public void Check(int touched) => Check(touched, Rows.Count);

    private void Check(int touched, int expected)
    {
        if (Versioned && touched != expected)
        {
            throw new DbUpdateConcurrencyException($"{expected - touched} of {expected} {Table} rows changed while their batch was decided.");
        }
    }

    private static async Task<int> RunAsync(DbCommand command, Action<DbDataReader>? read)
    {
        if (read is null)
        {
            return await command.ExecuteNonQueryAsync();
        }

        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            read(reader);
        }

        return reader.RecordsAffected;
    }

    private static List<DbParameter> AddParameters(DbParameterCollection parameters, Func<DbParameter> create, IReadOnlyList<object[]> rows)
    {
        var added = new List<DbParameter>();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var parameter = create();
                parameter.ParameterName = Parameter(r, c);
                parameter.Value = rows[r][c];
                parameters.Add(parameter);
                added.Add(parameter);
            }
        }

        return added;
    }
}
