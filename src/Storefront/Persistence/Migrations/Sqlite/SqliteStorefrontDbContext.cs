namespace ECommerce.Storefront.Persistence.Migrations.Sqlite;

/// <summary>The storefront's tables on SQLite: the context type the SQLite migration history beside it belongs to.</summary>
public sealed class SqliteStorefrontDbContext(DbContextOptions<StorefrontDbContext> options) : StorefrontDbContext(options);
