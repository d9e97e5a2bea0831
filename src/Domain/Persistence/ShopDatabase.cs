namespace ECommerce.Domain.Persistence;

/// <summary>
/// The shop's database as the domain's services receive it. <see cref="ShopDbContext"/> is internal to the
/// domain, so no page can reach past a service to the tables; this handle is public only so the public
/// services can take it, and nothing outside the domain can open it.
/// </summary>
public sealed class ShopDatabase
{
    private readonly IDbContextFactory<ShopDbContext> _contexts;

    internal ShopDatabase(IDbContextFactory<ShopDbContext> contexts) => _contexts = contexts;

    /// <summary>A short-lived context from the pool: one per read, or one per unit of work.</summary>
    internal Task<ShopDbContext> OpenAsync(CancellationToken ct = default) => _contexts.CreateDbContextAsync(ct);

    /// <summary>
    /// For the storefront's readiness probe: the shop's migrations not yet applied to the database (none when it is
    /// up to date). Throws when the database cannot be reached.
    /// </summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        return [.. await db.Database.GetPendingMigrationsAsync(ct)];
    }
    /// <summary>The same, for the one caller that cannot await: a metric's callback (see Diagnostics/OutboxBacklog).</summary>
    internal ShopDbContext Open() => _contexts.CreateDbContext();
}
