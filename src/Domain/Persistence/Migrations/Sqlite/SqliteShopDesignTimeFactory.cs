using Microsoft.EntityFrameworkCore.Design;

namespace ECommerce.Domain.Persistence.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef migrations add … --context SqliteShopDbContext` build the model without a running app
/// (docs/schema.md). The file named here is only opened by commands that touch a database.
/// </summary>
internal sealed class SqliteShopDesignTimeFactory : IDesignTimeDbContextFactory<SqliteShopDbContext>
{
    public SqliteShopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteShopDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
