using Microsoft.EntityFrameworkCore.Design;

namespace ECommerce.Storefront.Persistence.Migrations.Sqlite;

/// <summary>
/// Lets `dotnet ef migrations add … --context SqliteStorefrontDbContext` build the model without starting the
/// storefront (docs/schema.md). The file named here is only opened by commands that touch a database.
/// </summary>
internal sealed class SqliteStorefrontDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStorefrontDbContext>
{
    public SqliteStorefrontDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StorefrontDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsHistoryTable(StorefrontSchema.HistoryTable))
            .Options);
}
