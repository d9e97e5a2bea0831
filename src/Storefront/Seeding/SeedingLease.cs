using ECommerce.Storefront.Persistence;

namespace ECommerce.Storefront.Seeding;

/// <summary>
/// A lease in the shop's database that lets one storefront process seed at a time. Storefronts started together
/// on a fresh database would otherwise both create the demo roles, accounts and products and fail on each other's
/// rows; with it, the first seeds and the others wait, then find everything there. The holder renews the lease
/// while it works, so a process killed mid-seeding blocks the others only until its lease runs out.
/// </summary>
internal sealed class SeedingLease : IAsyncDisposable
{
    private const string Table = "__ShopSeeding";

    /// <summary>PostgreSQL advisory lock key for creating the table (any number no other part of the shop uses).</summary>
    private const long TableLock = 0x5EED_7AB1E;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);

    private readonly IDbContextFactory<StorefrontDbContext> _contexts;
    private readonly string _holder = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stop = new();
    private Task _renewing = Task.CompletedTask;

    private readonly string _name;

    private SeedingLease(IDbContextFactory<StorefrontDbContext> contexts, string name)
    {
        _contexts = contexts;
        _name = name;
    }

    /// <summary>Waits until this process holds the lease named <paramref name="name"/>; dispose it to let the next one in.</summary>
    public static async Task<SeedingLease> AcquireAsync(
        IDbContextFactory<StorefrontDbContext> contexts, ILogger logger, CancellationToken ct, string name = "demo-data")
    {
        var lease = new SeedingLease(contexts, name);
        var create = $"CREATE TABLE IF NOT EXISTS \"{Table}\" (\"Name\" TEXT PRIMARY KEY, \"Holder\" TEXT NOT NULL, \"Until\" BIGINT NOT NULL)";
        if (await lease.IsPostgreSqlAsync(ct))
        {
            // Storefronts started together both pass PostgreSQL's "IF NOT EXISTS" and the second is then refused
            // (a duplicate key in pg_type): a lock for the transaction lets them create the table one at a time.
            // Milliseconds since 1970 overflow PostgreSQL's INTEGER (SQLite's is 64-bit): a table an earlier release
            // made there with INTEGER refused every lease ("integer out of range"), so it is widened too.
            await lease.ExecuteAsync(
                $"DO $$ BEGIN PERFORM pg_advisory_xact_lock({TableLock}); {create}; ALTER TABLE \"{Table}\" ALTER COLUMN \"Until\" TYPE BIGINT; END $$", [], ct);
        }
        else
        {
            await lease.ExecuteAsync(create, [], ct);
        }

        var waited = false;
        while (!await lease.TryTakeAsync(ct))
        {
            if (!waited)
            {
                logger.LogInformation("Another storefront holds the {Lease} lease; waiting for it", name);
                waited = true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }

        lease._renewing = lease.RenewAsync();
        return lease;
    }

    /// <summary>Takes the lease when it is free or expired (or already ours): one statement, so of two racers one wins.</summary>
    private async Task<bool> TryTakeAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var taken = await ExecuteAsync(
            $"INSERT INTO \"{Table}\" (\"Name\", \"Holder\", \"Until\") VALUES ({{3}}, {{0}}, {{1}}) " +
            $"ON CONFLICT (\"Name\") DO UPDATE SET \"Holder\" = excluded.\"Holder\", \"Until\" = excluded.\"Until\" " +
            $"WHERE \"{Table}\".\"Until\" < {{2}} OR \"{Table}\".\"Holder\" = excluded.\"Holder\"",
            [_holder, (now + Duration).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), _name], ct);
        return taken == 1;
    }

    private async Task RenewAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(Renewal, _stop.Token);
                await TryTakeAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Seeding is over.
        }
    }

    private async Task<bool> IsPostgreSqlAsync(CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return db.Database.IsNpgsql();
    }

    private async Task<int> ExecuteAsync(string sql, object[] parameters, CancellationToken ct)
    {
        await using var db = await _contexts.CreateDbContextAsync(ct);
        return await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        await ExecuteAsync($"DELETE FROM \"{Table}\" WHERE \"Holder\" = {{0}}", [_holder], CancellationToken.None);
    }
}
