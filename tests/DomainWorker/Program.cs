using System.Text.Json;
using ECommerce.Domain;
using ECommerce.Domain.Administration;
using ECommerce.Domain.DataPlatform;
using ECommerce.DomainWorker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// dotnet ECommerce.DomainWorker.dll migrate <provider> <connection string> <start signal>: see MigrateCommand.
if (args is ["migrate", var provider, var connectionString, var signal])
{
    return await MigrateCommand.RunAsync(provider, connectionString, signal);
}

// dotnet ECommerce.DomainWorker.dll <plan.json> <worker name>
// dotnet ECommerce.DomainWorker.dll race [options]: the fairness measurement (see Race/RaceCommand.cs, scripts/fairness.sh).
// Runs the shop's domain (with its outbox dispatcher) over the plan's database, sends the plan's load, and prints
// "ack …" per acknowledged operation, then "stats {json}" with its counts and timings.
if (args is ["race", .. var raceOptions])
{
    return await ECommerce.DomainWorker.Race.RaceCommand.RunAsync(raceOptions);
}

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ECommerce.DomainWorker <plan.json> <worker name>");
    return 2;
}

var plan = JsonSerializer.Deserialize<WorkerPlan>(await File.ReadAllTextAsync(args[0]))
    ?? throw new InvalidOperationException("The plan is empty.");
var worker = args[1];

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Shop:Database:Provider"] = plan.Provider,
    ["Shop:Database:ConnectionString"] = plan.ConnectionString ?? $"Data Source={plan.Database}",
    ["Shop:DataPlatform:Sink"] = plan.DataPlatformUrl is null ? "Folder" : "Http",
    ["Shop:DataPlatform:Folder"] = plan.DataPlatformFolder,
    ["Shop:DataPlatform:Url"] = plan.DataPlatformUrl,
    ["Shop:DataPlatform:PollInterval"] = "00:00:00.200",
    ["Shop:DataPlatform:LeaseDuration"] = "00:00:02",
    ["Shop:DataPlatform:FirstRetryDelay"] = "00:00:00.100",
    ["Shop:DataPlatform:MaxRetryDelay"] = "00:00:01",
    ["Shop:Concurrency:WriteTurns"] = Environment.GetEnvironmentVariable("SHOP_WRITE_TURNS") ?? "true",
});
// Logs go to stderr: stdout carries only the acknowledgements.
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error);
builder.Services.AddShopDomain(builder.Configuration).AddShopBackgroundWork();
using var host = builder.Build();
await host.StartAsync();

var latencies = new Latencies();
var load = new WorkerLoad(plan, worker, host.Services, latencies);
if (plan.StartSignal is { } startSignal)
{
    await load.WarmUpAsync();
    Acknowledgements.Write("ready");
    while (!File.Exists(startSignal))
    {
        await Task.Delay(5);
    }
}

using (var stop = new CancellationTokenSource(plan.Seconds > 0 ? TimeSpan.FromSeconds(plan.Seconds) : Timeout.InfiniteTimeSpan))
{
    await load.RunAsync(stop.Token);
}

// Before leaving, every paid order of every process is delivered: this one's, and those a killed or stopping
// process left leased (they become due again when the lease runs out).
var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
var outbox = host.Services.GetRequiredService<OutboxMonitor>();
var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
while (await outbox.CountAsync() is { Pending: > 0 } or { Failing: > 0 } && DateTime.UtcNow < deadline)
{
    if ((await dispatcher.DispatchDueAsync()).Delivered == 0)
    {
        await Task.Delay(100);
    }
}

Acknowledgements.Write("stats " + JsonSerializer.Serialize(new WorkerStats(worker, load.Errors, latencies.Summary())));
await host.StopAsync();
return 0;
