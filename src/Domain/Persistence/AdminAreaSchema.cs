namespace ECommerce.Domain.Persistence;

/// <summary>
/// Version 2: the admin area's audit log and the indexes its lists need. The SQL is what EF Core creates for
/// the same model on SQLite, so an upgraded database equals a new one (SchemaUpgradeTests).
/// </summary>
internal static class AdminAreaSchema
{
    public static readonly SchemaStep Step = SchemaStep.Sql(2,
        "Admin area: audit log, indexes for the order, outbox and coupon lists",
        """
        CREATE TABLE "AdminActions" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_AdminActions" PRIMARY KEY AUTOINCREMENT,
            "At" TEXT NOT NULL,
            "Actor" TEXT NOT NULL,
            "Kind" TEXT NOT NULL,
            "Subject" TEXT NOT NULL,
            "Details" TEXT NOT NULL)
        """,
        """CREATE INDEX "IX_Orders_Status_CreatedAt" ON "Orders" ("Status", "CreatedAt")""",
        """CREATE INDEX "IX_Orders_Status_Total" ON "Orders" ("Status", "Total")""",
        """CREATE INDEX "IX_Orders_ShopperId_CreatedAt" ON "Orders" ("ShopperId", "CreatedAt")""",
        """CREATE INDEX "IX_Orders_Total" ON "Orders" ("Total")""",
        """CREATE INDEX "IX_Outbox_State_Id" ON "Outbox" ("State", "Id")""",
        """CREATE INDEX "IX_IssuedCoupons_CampaignId_Used" ON "IssuedCoupons" ("CampaignId") WHERE "UsedAt" IS NOT NULL""");
}
