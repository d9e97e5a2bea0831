namespace ECommerce.Domain.Persistence.Migrations.Sqlite;

/// <summary>The shop's tables on SQLite: the context type the SQLite migration history beside it belongs to.</summary>
internal sealed class SqliteShopDbContext(DbContextOptions<SqliteShopDbContext> options) : ShopDbContext(options);
