using System.Data.Common;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// A unit's statements sent together, in its transaction: in one round trip where the provider has ADO.NET batches
/// (Npgsql's <see cref="System.Data.Common.DbBatch"/>, with a row count per statement for the version checks), one
/// after another where it has not (Microsoft.Data.Sqlite, in process, where a statement costs no round trip). Sent one
/// by one to PostgreSQL, a payment batch's nine statements were nine round trips while it held its rows.
/// </summary>
internal sealed class StatementBatch(DbConnection connection, DbTransaction? transaction)
{
    private readonly List<Statement> _statements = [];

    /// <summary>On the unit's connection and transaction.</summary>
    public StatementBatch(ShopDbContext db)
        : this(db.Database.GetDbConnection(), SqlCommands.Transaction(db))
    {
    }

    public void Add(Statement? statement)
    {
        if (statement is not null)
        {
            _statements.Add(statement);
        }
    }

    public async Task ExecuteAsync()
    {
        if (_statements.Count <= 1 || !connection.CanCreateBatch)
        {
            foreach (var statement in _statements)
            {
                await statement.ExecuteAsync(connection, transaction);
            }

            return;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in _statements)
        {
            statement.AddTo(batch);
        }

        await batch.ExecuteNonQueryAsync();
        for (var i = 0; i < _statements.Count; i++)
        {
            _statements[i].Check(batch.BatchCommands[i].RecordsAffected);
        }
    }
}
