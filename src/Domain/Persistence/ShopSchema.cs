namespace ECommerce.Domain.Persistence;

/// <summary>The shop's own tables: version 1 was the first release. Add a step here for every later change of the model.</summary>
public static class ShopSchema
{
    public const string Name = "shop";

    public static readonly IReadOnlyList<SchemaStep> Steps =
    [
        new(2, "Wallet ledger: the idempotency index leads with the key (one seek per key for a batch of charges), an index by " +
               "order; the catalog revision that tells every process's catalog index to rebuild",
            async (database, ct) =>
            {
                await database.ExecuteSqlRawAsync("DROP INDEX \"IX_WalletLedger_ShopperId_IdempotencyKey\"", ct);
                await database.ExecuteSqlRawAsync(
                    "CREATE UNIQUE INDEX \"IX_WalletLedger_IdempotencyKey_ShopperId\" ON \"WalletLedger\" (\"IdempotencyKey\", \"ShopperId\")", ct);
                await database.ExecuteSqlRawAsync("CREATE INDEX \"IX_WalletLedger_OrderId\" ON \"WalletLedger\" (\"OrderId\")", ct);
                await database.ExecuteSqlRawAsync("""
                    CREATE TABLE "CatalogRevisions" (
                        "Id" INTEGER NOT NULL CONSTRAINT "PK_CatalogRevisions" PRIMARY KEY,
                        "ChangedAt" TEXT NOT NULL,
                        "Version" INTEGER NOT NULL)
                    """, ct);
            }),
    ];

    public static async Task MigrateAsync(IDbContextFactory<ShopDbContext> contexts, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await SchemaMigrator.MigrateAsync(db, Name, Steps, ct);
    }
}
