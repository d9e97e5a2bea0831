namespace ECommerce.Domain.Persistence;

/// <summary>What a <see cref="CommandBatcher{TCommand,TResult}"/> runs in its unit of work; see <see cref="BatchDecision{TCommand,TRows,TResult}"/>.</summary>
internal interface IBatchDecision<TCommand, TResult>
{
    Task<Result<TResult>[]> DecideAsync(ShopDbContext db, IReadOnlyList<TCommand> commands);
}
