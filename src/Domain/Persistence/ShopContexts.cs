namespace ECommerce.Domain.Persistence;

/// <summary>
/// The shop's contexts as the domain asks for them (<see cref="ShopDbContext"/>), taken from the pool of the
/// chosen store's own context type, which carries that store's migration history.
/// </summary>
internal sealed class ShopContexts<TStoreContext>(IDbContextFactory<TStoreContext> pool) : IDbContextFactory<ShopDbContext>
    where TStoreContext : ShopDbContext
{
    public ShopDbContext CreateDbContext() => pool.CreateDbContext();

    public async Task<ShopDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await pool.CreateDbContextAsync(cancellationToken);
}
