using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ECommerce.Domain.Persistence;

/// <summary>One upgrade of an existing database from <c>Version - 1</c> to <see cref="Version"/>.</summary>
public sealed record SchemaStep(int Version, string Description, Func<DatabaseFacade, CancellationToken, Task> Apply)
{
    /// <summary>A step that runs these statements in order.</summary>
    public static SchemaStep Sql(int version, string description, params string[] statements) =>
        new(version, description, async (database, ct) =>
        {
            foreach (var sql in statements)
            {
                await database.ExecuteSqlRawAsync(sql, ct);
            }
        });
}
