using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ECommerce.Domain.Persistence;

/// <summary>
/// A compiled query, compiled once per model. EF binds a compiled query to the model it first runs against, and each
/// store's context type has a model of its own: a process that opens both stores (the browser tests' helpers do) would
/// otherwise get "executed with a different model than it was compiled against" from the second.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    internal TQuery For(DbContext db) => _byModel.GetOrAdd(db.Model, _ => compile());
}
