using Microsoft.EntityFrameworkCore.Design;

namespace ECommerce.Domain.Persistence.Migrations.PostgreSql;

/// <summary>
/// Lets `dotnet ef migrations add … --context PostgreSqlShopDbContext` build the model without a server
/// (docs/schema.md). The server named here is only reached by commands that touch a database.
/// </summary>
internal sealed class PostgreSqlShopDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlShopDbContext>
{
    public PostgreSqlShopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlShopDbContext>().UseNpgsql("Host=localhost;Database=shop_design_time").Options);
}
