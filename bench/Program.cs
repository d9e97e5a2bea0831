using ECommerce.Bench;
using ECommerce.Bench.Scenarios;

// bench/run.sh [--quick] [scenario ...]: one line per scenario on stdout, progress on stderr.
var size = args.Contains("--quick") ? BenchSize.Quick : BenchSize.Full;
var scenarios = new (string Name, bool Writes, Func<BenchSize, Task<ScenarioResult>> Run)[]
{
    (RawSqliteScenario.Name, false, RawSqliteScenario.RunAsync),
    ("coupon-claim", true, CouponScenarios.ClaimAsync),
    ("coupon-soldout", true, CouponScenarios.SoldOutAsync),
    ("pay", true, PaymentScenarios.PayAsync),
    ("pay-last-units", true, PaymentScenarios.LastUnitsAsync),
    ("charge", true, s => WalletScenarios.ChargeAsync(s, hot: false)),
    ("charge-hot", true, s => WalletScenarios.ChargeAsync(s, hot: true)),
    ("catalog", false, ReadScenarios.CatalogAsync),
    ("top5", false, ReadScenarios.Top5Async),
};

var asked = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var unknown = asked.Except(scenarios.Select(s => s.Name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario {string.Join(", ", unknown)}; known: {string.Join(", ", scenarios.Select(s => s.Name))}");
    return 2;
}

var chosen = scenarios.Where(s => asked.Count == 0 || asked.Contains(s.Name)).ToList();
if (chosen.Any(s => s.Writes) && chosen.All(s => s.Name != RawSqliteScenario.Name))
{
    chosen.Insert(0, scenarios[0]); // Write scenarios report vs_raw against a floor measured in the same run.
}

double? raw = null;
var broken = 0;
foreach (var (name, writes, run) in chosen)
{
    Console.Error.WriteLine($"{name}: running ({(size == BenchSize.Quick ? "quick" : "full")})");
    var result = await run(size);
    if (name == RawSqliteScenario.Name)
    {
        raw = result.Measured.OpsPerSecond;
    }

    Console.WriteLine(result.Format(writes ? raw : null));
    if (!result.InvariantsHold)
    {
        broken++;
        Console.Error.WriteLine($"{name}: INVARIANTS BROKEN");
    }
}

return broken == 0 ? 0 : 1;
