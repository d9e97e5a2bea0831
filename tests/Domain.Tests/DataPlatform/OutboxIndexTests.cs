using System.Linq.Expressions;
using System.Text.RegularExpressions;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.DataPlatform;

/// <summary>
/// The dispatcher's lease and the backlog gauge read the messages still to deliver through the (State, …) indexes,
/// never by scanning the outbox: delivered messages stay in it for the shop's whole life, so a scan grows with every
/// paid order. Checked with SQLite's own query plan, with and without statistics.
/// </summary>
[Trait(TestStore.Trait, TestStore.SqliteOnly)]
public sealed partial class OutboxIndexTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Waiting_messages_are_found_through_an_index_not_a_scan_of_the_outbox(bool analyzed)
    {
        await using var shop = await ShopHarness.StartAsync();
        await using var db = await shop.OpenDbAsync();
        await db.Database.OpenConnectionAsync();
        // A shop some time open: thousands delivered, a few still to send (statistics then say a state holds a third).
        await db.Database.ExecuteSqlRawAsync("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
            INSERT INTO "Outbox" ("Type", "IdempotencyKey", "Payload", "CreatedAt", "State", "Attempts", "NextAttemptAt")
            SELECT 'order-paid', 'order-paid-' || i, 'x', '2026-11-21 10:00:00', CASE WHEN i % 1000 = 0 THEN 'Pending' ELSE 'Delivered' END,
                   1, '2026-11-21 10:00:00' FROM n
            """);
        if (analyzed)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var now = shop.Clock.GetUtcNow().UtcDateTime;
        Expression<Func<OutboxMessage, bool>> dueNow = m => m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now);
        var lease = OutboxMessage.Waiting(db, dueNow).OrderBy(m => m.Id).Select(m => m.Id).Take(100);
        var backlog = OutboxMessage.Waiting(db, _ => true).Select(m => (DateTime?)m.CreatedAt);

        foreach (var query in new[] { lease.ToQueryString(), backlog.ToQueryString() })
        {
            var plan = await PlanAsync(db, query);
            Assert.Equal(2, plan.Count(step => step.Contains("USING INDEX IX_Outbox_State", StringComparison.Ordinal)));
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        }
    }

    /// <summary>EXPLAIN QUERY PLAN of EF's SQL (its ".param set" lines dropped, the limit bound to 100, the times to a date).</summary>
    private static async Task<List<string>> PlanAsync(ShopDbContext db, string queryString)
    {
        var sql = string.Join('\n', queryString.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = name == "@p" ? 100 : "2026-12-01 12:00:00";
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
