using ECommerce.Bench;
using ECommerce.Bench.Scenarios;

// bench/run.sh [--quick] [--store sqlite|postgresql] [scenario ...]: one line per scenario on stdout, progress on stderr.
if (BenchStore.Choose(args) is { } wrongStore)
{
    Console.Error.WriteLine(wrongStore);
    return 2;
}

var size = args.Contains("--quick") ? BenchSize.Quick : BenchSize.Full;
var postgreSql = BenchStore.IsPostgreSql;
// Floor names a write scenario is compared with: its store's one-update floor, and the bare driver running its batch.
var scenarios = new (string Name, string? Batched, Func<BenchSize, Task<ScenarioResult>> Run)[]
{
    (BenchStore.RawName, null, postgreSql ? RawPostgreSqlScenario.RunAsync : RawSqliteScenario.RunAsync),
    (RawBatchedScenario.Claim, null, RawBatchedScenario.ClaimAsync),
    (RawBatchedScenario.Pay, null, RawBatchedScenario.PayAsync),
    ("coupon-claim", RawBatchedScenario.Claim, CouponScenarios.ClaimAsync),
    ("coupon-soldout", RawBatchedScenario.Claim, CouponScenarios.SoldOutAsync),
    ("pay", RawBatchedScenario.Pay, PaymentScenarios.PayAsync),
    ("pay-last-units", RawBatchedScenario.Pay, PaymentScenarios.LastUnitsAsync),
    ("charge", "", s => WalletScenarios.ChargeAsync(s, hot: false)),
    ("charge-hot", "", s => WalletScenarios.ChargeAsync(s, hot: true)),
    ("outbox-drain", null, OutboxScenarios.DrainAsync),
    ("outbox-drain-two-step", null, OutboxScenarios.DrainTwoStepAsync),
    ("catalog", null, ReadScenarios.CatalogAsync),
    ("top5", null, ReadScenarios.Top5Async),
};
// The read scenarios seed their large catalog with SQLite's own SQL: on PostgreSQL only the writes run.
// The two-step outbox lease is the before of PostgreSQL's SKIP LOCKED lease; on SQLite it is the only one.
string[] sqliteOnly = ["catalog", "top5"], postgreSqlOnly = ["outbox-drain-two-step"];
scenarios = [.. scenarios.Where(s => !(postgreSql ? sqliteOnly : postgreSqlOnly).Contains(s.Name))];

var storeValue = Array.IndexOf(args, "--store") is var at and >= 0 ? at + 1 : -1;
var asked = args.Where((a, i) => i != storeValue && !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var unknown = asked.Except(scenarios.Select(s => s.Name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario {string.Join(", ", unknown)} on this store; known: {string.Join(", ", scenarios.Select(s => s.Name))}");
    return 2;
}

var chosen = scenarios.Where(s => asked.Count == 0 || asked.Contains(s.Name)).ToList();
// Write scenarios report vs_raw and vs_batched against floors measured in the same run, so those run first.
var floors = chosen.Where(s => s.Batched is not null).Select(s => s.Batched!).Where(f => f.Length > 0).Prepend(BenchStore.RawName).Distinct().ToList();
if (chosen.Any(s => s.Batched is not null))
{
    chosen = [.. scenarios.Where(s => floors.Contains(s.Name)), .. chosen.Where(s => !floors.Contains(s.Name))];
}

var measuredFloors = new Dictionary<string, double>();
var broken = 0;
Console.Error.WriteLine($"store: {BenchStore.Provider}");
foreach (var (name, batched, run) in chosen)
{
    Console.Error.WriteLine($"{name}: running ({(size == BenchSize.Quick ? "quick" : "full")})");
    var result = await run(size);
    if (floors.Contains(name))
    {
        measuredFloors[name] = result.Measured.OpsPerSecond;
    }

    var writes = batched is not null;
    Console.WriteLine(result.Format(
        writes ? measuredFloors.GetValueOrDefault(BenchStore.RawName) : null,
        batched is { Length: > 0 } ? measuredFloors.GetValueOrDefault(batched) : null));
    if (!result.InvariantsHold)
    {
        broken++;
        Console.Error.WriteLine($"{name}: INVARIANTS BROKEN");
    }
}

return broken == 0 ? 0 : 1;
