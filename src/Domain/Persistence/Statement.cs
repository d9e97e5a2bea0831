using System.Data.Common;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// One SQL statement with its parameters, to run alone (<see cref="ToCommand"/>) or with others
/// (<see cref="StatementBatch"/>). When <paramref name="Rows"/> is given, touching fewer rows than that means another
/// writer changed them since they were read: a conflict, and the unit of work reruns its batch.
/// </summary>
internal sealed record Statement(string Sql, IReadOnlyList<KeyValuePair<string, object>> Parameters, int? Rows = null, string? Table = null)
{
    public DbCommand ToCommand(ShopDbContext db)
    {
        var command = SqlCommands.On(db, Sql);
        foreach (var (name, value) in Parameters)
        {
            command.AddParameter(name, value);
        }

        return command;
    }

    public void Check(int touched)
    {
        if (Rows is { } expected && touched != expected)
        {
            throw new DbUpdateConcurrencyException($"{expected - touched} of {expected} {Table} rows changed while their batch was decided.");
        }
    }
}
