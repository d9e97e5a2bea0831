using ECommerce.Domain.Persistence;

namespace ECommerce.Storefront.Persistence;

/// <summary>
/// The storefront's tables: EF Core migrations per store (Persistence/Migrations/&lt;Store&gt;, docs/schema.md), with
/// a history table of their own beside the shop's. <see cref="Legacy"/> carries a file of an older release over.
/// </summary>
public static class StorefrontSchema
{
    public const string HistoryTable = "__StorefrontMigrationsHistory";

    /// <summary>Releases before migrations knew one version of these tables, so there is no step to replay.</summary>
    public static readonly LegacySchema Legacy = new("storefront", []);

    public static async Task MigrateAsync(IDbContextFactory<StorefrontDbContext> contexts, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SchemaMigrator.MigrateAsync(db, Legacy, ct);
    }
}
