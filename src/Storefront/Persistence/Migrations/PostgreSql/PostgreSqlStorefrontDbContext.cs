namespace ECommerce.Storefront.Persistence.Migrations.PostgreSql;

/// <summary>The storefront's tables on PostgreSQL: the context type the PostgreSQL migration history beside it belongs to.</summary>
public sealed class PostgreSqlStorefrontDbContext(DbContextOptions<StorefrontDbContext> options) : StorefrontDbContext(options);
