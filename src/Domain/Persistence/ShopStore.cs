using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Persistence;

/// <summary>Points a context at the configured store; every context of the shop's database (the domain's, the storefront's) goes through here.</summary>
public static class ShopStore
{
    /// <summary>The provider and connection string of <see cref="DatabaseOptions"/>, as the service provider holds them.</summary>
    public static DbContextOptionsBuilder UseShopStore(this DbContextOptionsBuilder options, IServiceProvider services,
        string migrationsHistoryTable = HistoryRepository.DefaultTableName) =>
        options.UseShopStore(services.GetRequiredService<IOptions<DatabaseOptions>>().Value, migrationsHistoryTable);

    /// <param name="migrationsHistoryTable">Each context sharing the database keeps its applied migrations in a table of its own.</param>
    /// <remarks>
    /// A list in a query (<c>ids.Contains(x.Id)</c>) goes to the database as ONE parameter: json_each on SQLite, an
    /// array (<c>= ANY</c>) on PostgreSQL. EF Core 10's default expands it into a parameter per item, and since the SQL
    /// then depends on the count, EF builds it again on every run, compiled query or not: a quarter of a claim batch's
    /// processor time, profiled (docs/performance.md).
    /// </remarks>
    public static DbContextOptionsBuilder UseShopStore(this DbContextOptionsBuilder options, DatabaseOptions database,
        string migrationsHistoryTable = HistoryRepository.DefaultTableName) =>
        database.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(database.ConnectionString,
                sqlite => sqlite.MigrationsHistoryTable(migrationsHistoryTable).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            DatabaseProvider.PostgreSQL => options.UseNpgsql(database.ConnectionString,
                npgsql => npgsql.MigrationsHistoryTable(migrationsHistoryTable).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            var other => throw new InvalidOperationException(
                $"{DatabaseOptions.Section}:Provider is \"{other}\"; use \"Sqlite\" or \"PostgreSQL\"."),
        };
}
