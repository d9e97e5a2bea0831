namespace ECommerce.Domain.Persistence;

/// <summary>
/// The one shape of a group-committed command (a claim, a charge, a payment): read every row the batch
/// touches once, decide each command in memory in arrival order through the entities, so each command sees
/// what the commands before it did, then write. The unit of work saves what the context tracks; only a
/// decision whose rows are written by hand overrides <see cref="WriteAsync"/>.
/// </summary>
/// <typeparam name="TRows">What <see cref="ReadAsync"/> found: the rows the decisions read and change.</typeparam>
internal abstract class BatchDecision<TCommand, TRows, TResult>(TimeProvider clock) : IBatchDecision<TCommand, TResult>
{
    /// <summary>One outcome per command, in order. Runs again from scratch when the unit of work meets a conflict.</summary>
    public async Task<Result<TResult>[]> DecideAsync(ShopDbContext db, IReadOnlyList<TCommand> commands)
    {
        var rows = await ReadAsync(db, commands, clock.GetUtcNow().UtcDateTime);
        var outcomes = commands.Select(command => Decide(rows, command)).ToArray();
        await WriteAsync(db, rows);
        return outcomes;
    }

    protected abstract Task<TRows> ReadAsync(ShopDbContext db, IReadOnlyList<TCommand> commands, DateTime now);

    /// <summary>In memory: refuses (changing nothing) or changes the rows, which the next command then sees.</summary>
    protected abstract Result<TResult> Decide(TRows rows, TCommand command);

    protected virtual Task WriteAsync(ShopDbContext db, TRows rows) => Task.CompletedTask;
}
