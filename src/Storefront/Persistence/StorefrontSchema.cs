using ECommerce.Domain.Persistence;

namespace ECommerce.Storefront.Persistence;

/// <summary>The storefront's tables, versioned beside the shop's own ("shop") by the domain's <see cref="SchemaMigrator"/>.</summary>
public static class StorefrontSchema
{
    public const string Name = "storefront";

    /// <summary>Version 1 is the model as it is. Add a step here for every later change.</summary>
    public static readonly IReadOnlyList<SchemaStep> Steps = [];

    public static async Task MigrateAsync(IDbContextFactory<StorefrontDbContext> contexts, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SchemaMigrator.MigrateAsync(db, Name, Steps, ct);
    }
}
