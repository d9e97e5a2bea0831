using ECommerce.Domain.Persistence;
using ECommerce.Storefront.Persistence.Migrations.PostgreSql;
using ECommerce.Storefront.Persistence.Migrations.Sqlite;
using Microsoft.Extensions.Options;

namespace ECommerce.Storefront.Persistence;

/// <summary>
/// Makes the storefront's contexts as the configured store's own context type, which carries that store's migration
/// history (docs/schema.md); the pages, Identity and the cart only see <see cref="StorefrontDbContext"/>.
/// </summary>
internal sealed class StorefrontContexts(DbContextOptions<StorefrontDbContext> options, IOptions<DatabaseOptions> database)
    : IDbContextFactory<StorefrontDbContext>
{
    public StorefrontDbContext CreateDbContext() => database.Value.Provider == DatabaseProvider.Sqlite
        ? new SqliteStorefrontDbContext(options)
        : new PostgreSqlStorefrontDbContext(options);
}
