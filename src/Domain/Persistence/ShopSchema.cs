namespace ECommerce.Domain.Persistence;

/// <summary>The shop's own tables: version 1 was the first release. Add a step here for every later change of the model.</summary>
public static class ShopSchema
{
    public const string Name = "shop";

    public static readonly IReadOnlyList<SchemaStep> Steps = [AdminAreaSchema.Step, HotPathSchema.Step, CouponByIdSchema.Step, IdempotencySchema.Step];

    internal static async Task MigrateAsync(IDbContextFactory<ShopDbContext> contexts, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SchemaMigrator.MigrateAsync(db, Name, Steps, ct);
    }
}
