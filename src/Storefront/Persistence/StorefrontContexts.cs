using ECommerce.Storefront.Persistence.Migrations.Sqlite;

namespace ECommerce.Storefront.Persistence;

/// <summary>
/// Makes the storefront's contexts as the chosen store's own context type, which carries that store's migration
/// history; the pages, Identity and the cart only see <see cref="StorefrontDbContext"/>.
/// </summary>
internal sealed class StorefrontContexts(DbContextOptions<StorefrontDbContext> options) : IDbContextFactory<StorefrontDbContext>
{
    public StorefrontDbContext CreateDbContext() => new SqliteStorefrontDbContext(options);
}
