using System.Diagnostics;
using System.Globalization;
using ECommerce.CircuitLoad;
using Microsoft.Playwright;

// bench/circuits.sh runs this: dotnet ECommerce.CircuitLoad.dll <base url> <pages> [contexts] [actions] [--heap] [--path=/x]
//   [--server-log=<the instance's log, written at debug level for the circuits>]
// Holds <pages> real circuits (Chromium pages on the home page or --path, spread over [contexts] browser contexts) open on one
// instance; reports the instance's memory per idle circuit after a forced full collection, and the p99 of a page
// action timed with none of them open (the floor) and again while they are all open.
var baseAddress = new Uri(args.Length > 0 ? args[0] : throw new ArgumentException("Give the instance's base URL."));
var pages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var contexts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
var actions = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200;
var readHeap = args.Contains("--heap");
var serverLog = args.FirstOrDefault(a => a.StartsWith("--server-log=", StringComparison.Ordinal))?["--server-log=".Length..];
var heldPath = args.FirstOrDefault(a => a.StartsWith("--path=", StringComparison.Ordinal))?["--path=".Length..] ?? "/";

using var instance = new Instance(baseAddress);
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
    Headless = true,
    Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run",
        // Hundreds of tabs of one site need not be hundreds of renderer processes: the server's side is what is measured.
        "--renderer-process-limit=8",
    ],
});

async Task<IPage> OpenAsync(IBrowserContext context, string path = "/")
{
    var page = await context.NewPageAsync();
    page.SetDefaultTimeout(120_000);
    await page.GotoAsync(new Uri(baseAddress, path).ToString());
    await page.Locator(".shop[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    return page;
}

var newContext = () => browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });

// Warm up (JIT, caches, the first render of each component), then the floor: the action with no other circuit open.
var actionContext = await newContext();
var actionPage = await OpenAsync(actionContext);
await PageAction.TimeAsync(actionPage, 20);
var floor = await PageAction.TimeAsync(actionPage, actions);
var floorThroughPlaywright = await PageAction.TimeThroughPlaywrightAsync(actionPage, actions);
await actionPage.CloseAsync(new() { RunBeforeUnload = true });
var baseline = await instance.SettleAsync(0, TimeSpan.FromSeconds(30));
var heapBefore = readHeap ? TryReadHeap(baseline.ProcessId) : null;

var clock = Stopwatch.StartNew();
var held = new List<IBrowserContext>();
for (var c = 0; c < contexts; c++)
{
    held.Add(await newContext());
}

using (var opening = new SemaphoreSlim(8))
{
    await Task.WhenAll(Enumerable.Range(0, pages).Select(async i =>
    {
        await opening.WaitAsync();
        try
        {
            await OpenAsync(held[i % contexts], heldPath);
        }
        finally
        {
            opening.Release();
        }
    }));
}

var opened = clock.Elapsed;
await Task.Delay(TimeSpan.FromSeconds(5)); // Let the first renders' garbage and the prerender's state go.
var loaded = await instance.SettleAsync(pages, TimeSpan.FromSeconds(30));
// Read again once the circuits have sat idle for half a minute: by then Kestrel's memory pool (since .NET 10) has
// given back the blocks that carried the first renders, which no circuit holds. Both readings are printed.
await Task.Delay(TimeSpan.FromSeconds(30));
var idle = await instance.SettleAsync(pages, TimeSpan.FromSeconds(30));
var heapAfter = readHeap && heapBefore is not null ? TryReadHeap(loaded.ProcessId) : null;

actionPage = await OpenAsync(actionContext);
await PageAction.TimeAsync(actionPage, 20);
var underLoad = await PageAction.TimeAsync(actionPage, actions);
var underLoadThroughPlaywright = await PageAction.TimeThroughPlaywrightAsync(actionPage, actions);

double Kb(long bytes) => bytes / 1024.0 / Math.Max(1, loaded.Circuits);
string Ms(double ms) => ms.ToString("F1", CultureInfo.InvariantCulture);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"circuits held={loaded.Circuits} on {heldPath} (asked {pages}, {contexts} contexts, opened in {opened.TotalSeconds:F0} s) " +
    $"managed_per_circuit={Kb(loaded.ManagedBytes - baseline.ManagedBytes):F0} KB " +
    $"gc_heap_per_circuit={Kb(loaded.HeapSizeBytes - baseline.HeapSizeBytes):F0} KB " +
    $"working_set_per_circuit={Kb(loaded.WorkingSetBytes - baseline.WorkingSetBytes):F0} KB " +
    $"private_per_circuit={Kb(loaded.PrivateBytes - baseline.PrivateBytes):F0} KB " +
    $"(managed {baseline.ManagedBytes / 1048576.0:F1} -> {loaded.ManagedBytes / 1048576.0:F1} MB, " +
    $"working set {baseline.WorkingSetBytes / 1048576.0:F0} -> {loaded.WorkingSetBytes / 1048576.0:F0} MB)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"after 35 s idle: circuits held={idle.Circuits} managed_per_circuit={(idle.ManagedBytes - baseline.ManagedBytes) / 1024.0 / Math.Max(1, idle.Circuits):F0} KB " +
    $"(managed {idle.ManagedBytes / 1048576.0:F1} MB)"));
string Spread(double[] timings) => $"p50={Ms(PageAction.Percentile(timings, 0.5))} p99={Ms(PageAction.Percentile(timings, 0.99))}";
Console.WriteLine(
    $"theme switch ({actions} clicks each, timed in the page from the click): " +
    $"no other circuit: DOM updated {Spread(floor.Shown)}, next frame {Spread(floor.Painted)} ms; " +
    $"with {loaded.Circuits} open: DOM updated {Spread(underLoad.Shown)}, next frame {Spread(underLoad.Painted)} max={Ms(underLoad.Painted.Max())} ms; " +
    $"p99 ratio {(PageAction.Percentile(underLoad.Painted, 0.99) / PageAction.Percentile(floor.Painted, 0.99)).ToString("F2", CultureInfo.InvariantCulture)}");
Console.WriteLine(
    $"theme switch through Playwright's ClickAsync and WaitForAsync (the old measure): " +
    $"no other circuit {Spread(floorThroughPlaywright)} ms; with {loaded.Circuits} open {Spread(underLoadThroughPlaywright)} ms");
if (serverLog is not null)
{
    foreach (var line in ServerShare.Read(serverLog))
    {
        Console.WriteLine(line);
    }
}

if (heapBefore is not null && heapAfter is not null)
{
    Console.WriteLine("what grew per circuit (live objects by type, largest first):");
    foreach (var line in HeapByType.TopGrowth(heapBefore.Types, heapAfter.Types, loaded.Circuits, 25))
    {
        Console.WriteLine(line);
    }

    Console.WriteLine("render trees per circuit by component type (both builders' arrays; objects = components):");
    foreach (var line in HeapByType.TopGrowth(heapBefore.RenderTrees, heapAfter.RenderTrees, loaded.Circuits, 40))
    {
        Console.WriteLine(line);
    }
}

foreach (var context in held)
{
    await context.CloseAsync();
}

await actionContext.CloseAsync();
return loaded.Circuits == pages ? 0 : 1;

static HeapReading? TryReadHeap(int processId)
{
    try
    {
        return HeapByType.Read(processId);
    }
    catch (Exception e) when (e is InvalidOperationException or Microsoft.Diagnostics.Runtime.ClrDiagnosticsException or NotSupportedException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"Could not read the instance's heap ({e.GetType().Name}: {e.Message}); no breakdown by type.");
        return null;
    }
}
