using Microsoft.EntityFrameworkCore.Design;

namespace ECommerce.Storefront.Persistence.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef migrations add … --context PostgreSqlStorefrontDbContext` build the model without a server
/// (docs/schema.md). The server named here is only reached by commands that touch a database.
/// </summary>
internal sealed class PostgreSqlStorefrontDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlStorefrontDbContext>
{
    public PostgreSqlStorefrontDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StorefrontDbContext>()
            .UseNpgsql("Host=localhost;Database=shop_design_time", npgsql => npgsql.MigrationsHistoryTable(StorefrontSchema.HistoryTable))
            .Options);
}
