namespace ECommerce.Domain.Persistence;

/// <summary>
/// The shop's own tables: EF Core migrations per store (Persistence/Migrations/&lt;Store&gt;, docs/schema.md).
/// <see cref="Legacy"/> keeps the steps releases 1 to 4 used, only to carry a file they made over to the migrations.
/// </summary>
public static class ShopSchema
{
    public static readonly LegacySchema Legacy =
        new("shop", [AdminAreaSchema.Step, HotPathSchema.Step, CouponByIdSchema.Step]);

    internal static async Task MigrateAsync(IDbContextFactory<ShopDbContext> contexts, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SchemaMigrator.MigrateAsync(db, Legacy, ct);
    }
}
