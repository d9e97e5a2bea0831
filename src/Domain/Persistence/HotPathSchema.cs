namespace ECommerce.Domain.Persistence;

/// <summary>
/// Version 3: what the hot paths read and write. The wallet ledger's idempotency index leads with the key (a
/// batch of charges finds the keys already used with one seek each; the uniqueness is the same), the ledger
/// gets an index by order, one coupon per shopper and campaign is one index led by the shopper instead of two
/// (a claim writes one index at a random place, not two), and the catalog revision tells every process's
/// catalog index to rebuild. The SQL is what EF Core creates for the same model on SQLite, so an upgraded
/// database equals a new one (SchemaUpgradeTests).
/// </summary>
internal static class HotPathSchema
{
    public static readonly SchemaStep Step = SchemaStep.Sql(3,
        "Hot paths: ledger idempotency index led by the key, ledger index by order, one coupon index, catalog revision",
        """DROP INDEX "IX_WalletLedger_ShopperId_IdempotencyKey" """,
        """CREATE UNIQUE INDEX "IX_WalletLedger_IdempotencyKey_ShopperId" ON "WalletLedger" ("IdempotencyKey", "ShopperId")""",
        """CREATE INDEX "IX_WalletLedger_OrderId" ON "WalletLedger" ("OrderId")""",
        """DROP INDEX "IX_IssuedCoupons_CampaignId_ShopperId" """,
        """DROP INDEX "IX_IssuedCoupons_ShopperId" """,
        """CREATE UNIQUE INDEX "IX_IssuedCoupons_ShopperId_CampaignId" ON "IssuedCoupons" ("ShopperId", "CampaignId")""",
        """
        CREATE TABLE "CatalogRevisions" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_CatalogRevisions" PRIMARY KEY,
            "ChangedAt" TEXT NOT NULL,
            "Version" INTEGER NOT NULL)
        """);
}
