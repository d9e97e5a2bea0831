namespace ECommerce.Domain.Persistence;

/// <summary>
/// Version 5: the first outcomes of the JSON API's keyed requests (charge, place, pay), one per shopper and key.
/// The SQL is what EF Core creates for the same model on SQLite, so an upgraded database equals a new one
/// (SchemaUpgradeTests).
/// </summary>
internal static class IdempotencySchema
{
    public static readonly SchemaStep Step = SchemaStep.Sql(5,
        "API: first outcomes of requests sent with an Idempotency-Key",
        """
        CREATE TABLE "IdempotentRequests" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_IdempotentRequests" PRIMARY KEY AUTOINCREMENT,
            "ShopperId" TEXT NOT NULL,
            "Key" TEXT NOT NULL,
            "Fingerprint" TEXT NOT NULL,
            "StatusCode" INTEGER NOT NULL,
            "Response" TEXT NOT NULL,
            "CreatedAt" TEXT NOT NULL)
        """,
        """CREATE UNIQUE INDEX "IX_IdempotentRequests_Key_ShopperId" ON "IdempotentRequests" ("Key", "ShopperId")""");
}
