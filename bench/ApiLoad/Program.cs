using ECommerce.ApiLoad;
using ECommerce.ApiLoad.Scenarios;

// dotnet ECommerce.ApiLoad.dll --app URL (--database FILE | --postgresql CONNECTION) [--app-pid PID[,PID...]] [--quick]
// [--without-idempotency-keys] [scenario ...]: bench/api.sh runs this against the app it starts or a running shop (a
// cluster behind nginx: its PostgreSQL, and the instances' PIDs so the CPU figures sum them). One line per scenario
// on stdout, progress on stderr; exits 1 when an invariant is broken or nothing answered.
const string Usage = "usage: ECommerce.ApiLoad --app URL (--database FILE | --postgresql CONNECTION) [--app-pid PID[,PID...]] [--quick] [--without-idempotency-keys] [scenario ...]";
var app = Option("--app");
var file = Option("--database");
var postgreSql = Option("--postgresql");
if (app is null || (file is null) == (postgreSql is null) || !Uri.TryCreate(app, UriKind.Absolute, out var appUri))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var size = args.Contains("--quick") ? LoadSize.Quick : LoadSize.Full;
var appProcesses = new List<int>();
foreach (var pid in (Option("--app-pid") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
{
    if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
    {
        Console.Error.WriteLine($"--app-pid takes process ids separated by commas, not '{pid}'. {Usage}");
        return 2;
    }

    appProcesses.Add(parsed);
}

var database = postgreSql is not null ? ShopDatabase.PostgreSql(postgreSql) : ShopDatabase.SqliteFile(file!);
var run = new BenchRun(appUri, appProcesses, database, size, !args.Contains("--without-idempotency-keys"));
var scenarios = new (string Name, Func<BenchRun, Task<ScenarioLine>> Run)[]
{
    (ClaimRush.Name, ClaimRush.RunAsync),
    (LastUnits.Name, LastUnits.RunAsync),
    ("order-flow", r => OrderFlow.RunAsync(r, "order-flow", r.Size.FlowRange)),
    (Reads.Name, Reads.RunAsync),
    // Only bench/api.sh knows the app is held to one core and 1 GB: it asks for this one against that app.
    ("small-box", r => OrderFlow.RunAsync(r, "small-box", r.Size.SmallBoxRange)),
};

var asked = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--app" or "--database" or "--postgresql" or "--app-pid"))).ToList();
var unknown = asked.Except(scenarios.Select(s => s.Name)).ToList();
if (asked.Count == 0 || unknown.Count > 0)
{
    Console.Error.WriteLine($"Name the scenarios to run ({string.Join(", ", scenarios.Select(s => s.Name))}); unknown: {string.Join(", ", unknown)}");
    return 2;
}

var setup = Stopwatch.StartNew();
BenchAccounts.Ensure(run.Database, size.Shoppers);
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup: {size.Shoppers} shopper accounts in the database in {setup.Elapsed.TotalSeconds:0.0} s"));

var broken = 0;
foreach (var (name, scenario) in scenarios.Where(s => asked.Contains(s.Name)))
{
    Console.Error.WriteLine($"{name}: running ({(size == LoadSize.Quick ? "quick" : "full")})");
    var line = await scenario(run);
    Console.WriteLine(line);
    foreach (var sentence in line.Broken)
    {
        Console.Error.WriteLine($"{name}: BROKEN: {sentence}");
    }

    broken += line.InvariantsHold ? 0 : 1;
}

return broken == 0 ? 0 : 1;

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
