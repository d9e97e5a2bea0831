using Microsoft.Extensions.Options;

namespace ECommerce.Domain.Live;

/// <summary>
/// Where the unit of work publishes what it changed, once committed (<see cref="Committed"/>), and, on PostgreSQL,
/// tells the other instances inside its transaction (<see cref="AnnounceAsync"/>), so the NOTIFY is delivered
/// exactly when the change commits and never for a change rolled back. The listener of each instance
/// (<see cref="PostgreSqlChangeListener"/>) hands what it hears to <see cref="Received"/>.
/// </summary>
public sealed class ChangeFeed(IOptions<DatabaseOptions> database, IOptions<LiveOptions> options)
{
    /// <summary>The PostgreSQL channel every instance listens on.</summary>
    public const string Channel = "shop_changes";

    /// <summary>A unit of work of this instance committed these changes, or another instance's did.</summary>
    public event Action<ShopChanges>? Changed;

    internal async Task AnnounceAsync(ShopDbContext db, ShopChanges changes, CancellationToken ct)
    {
        if (changes.IsEmpty || database.Value.IsSqlite || !options.Value.Notify)
        {
            return;
        }

        foreach (var payload in changes.ToPayloads())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    internal void Committed(ShopChanges changes)
    {
        if (!changes.IsEmpty)
        {
            Changed?.Invoke(changes);
        }
    }

    internal void Received(string payload) => Committed(ShopChanges.Parse(payload));

    /// <summary>
    /// This instance listens again after a lost connection: what the others committed meanwhile was notified to no
    /// one here, so the open pages take every figure afresh (one read per kind, like any flush).
    /// </summary>
    internal void MissedChanges() => Committed(ShopChanges.Anything());
}
