using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ECommerce.Domain.Persistence;

/// <summary>One upgrade of an existing database from <c>Version - 1</c> to <see cref="Version"/>.</summary>
public sealed record SchemaStep(int Version, string Description, Func<DatabaseFacade, CancellationToken, Task> Apply);
