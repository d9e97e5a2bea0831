namespace ECommerce.Domain.Persistence;

/// <summary>
/// Version 4: a coupon refers to its order by id and keeps the end of its reservation itself
/// ("ReservedUntil", copied from the order when it reserves the coupon), so its state reads only its own row.
/// Coupons reserved when the database is upgraded take their order's deadline. The SQL is what EF Core creates
/// for the same model on SQLite, so an upgraded database equals a new one (SchemaUpgradeTests).
/// </summary>
internal static class CouponByIdSchema
{
    public static readonly SchemaStep Step = SchemaStep.Sql(4,
        "Coupons: the reservation's end kept on the coupon",
        """ALTER TABLE "IssuedCoupons" ADD COLUMN "ReservedUntil" TEXT NULL""",
        """
        UPDATE "IssuedCoupons" SET "ReservedUntil" =
            (SELECT "ExpiresAt" FROM "Orders" WHERE "Orders"."Id" = "IssuedCoupons"."OrderId")
        WHERE "OrderId" IS NOT NULL AND "UsedAt" IS NULL
        """);
}
