namespace ECommerce.Domain.Persistence.Migrations.PostgreSql;

/// <summary>The shop's tables on PostgreSQL: the context type the PostgreSQL migration history beside it belongs to.</summary>
internal sealed class PostgreSqlShopDbContext(DbContextOptions<PostgreSqlShopDbContext> options) : ShopDbContext(options);
