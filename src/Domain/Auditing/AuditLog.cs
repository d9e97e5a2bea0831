namespace ECommerce.Domain.Auditing;

/// <summary>
/// The one way a feature records an admin's change: in the unit of work that makes the change, so the
/// change and its record are saved together or not at all. The admin area only reads the log.
/// </summary>
internal static class AuditLog
{
    public static void Record(ShopDbContext db, DateTime at, string actor, AdminActionKind kind, string subject, string details) =>
        db.AdminActions.Add(new AdminAction(at, actor, kind, subject, details));
}
