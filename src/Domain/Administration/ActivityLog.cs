namespace ECommerce.Domain.Administration;

/// <summary>The audit log as admins read it: every recorded change, newest first.</summary>
public sealed class ActivityLog(ShopDatabase database)
{
    public async Task<Page<AdminActionView>> GetPageAsync(int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct);
        return await db.AdminActions
            .OrderByDescending(a => a.Id)
            .Select(a => new AdminActionView(a.Id, a.At, a.Actor, a.Kind, a.Subject, a.Details))
            .ToPageAsync(page, pageSize, ct);
    }
}
