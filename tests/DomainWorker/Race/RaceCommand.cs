using System.Text.Json;

namespace ECommerce.DomainWorker.Race;

/// <summary>
/// <c>ECommerce.DomainWorker race [--build name=worker.dll[;VAR=value]]... [--rounds 3] [--processes 3] [--seconds 4] [--alone]</c>:
/// the fairness test's three-process race of payments and claims, repeated, with the builds interleaved in every
/// round (in alternating order), so "before" and "after" meet the same machine load. Prints each run's shares and
/// p50/p99 per process with the load average, then a summary per build. scripts/fairness.sh builds main and this tree.
/// </summary>
internal static class RaceCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builds = new List<(string Name, string Dll, Dictionary<string, string> Environment)>();
        var (rounds, processes, seconds, alone) = (3, 3, 4.0, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--build" when i + 1 < args.Length:
                    var (name, rest) = Split(args[++i], '=');
                    var parts = rest.Split(';');
                    builds.Add((name, Path.GetFullPath(parts[0]), parts.Skip(1).Select(p => Split(p, '=')).ToDictionary(p => p.Item1, p => p.Item2)));
                    break;
                case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r > 0:
                    (rounds, i) = (r, i + 1);
                    break;
                case "--processes" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p) && p > 0:
                    (processes, i) = (p, i + 1);
                    break;
                case "--seconds" when i + 1 < args.Length && double.TryParse(args[i + 1], out var s) && s > 0:
                    (seconds, i) = (s, i + 1);
                    break;
                case "--alone":
                    alone = true;
                    break;
                default:
                    Console.Error.WriteLine($"race: unexpected \"{args[i]}\". Usage: race [--build name=worker.dll[;VAR=value]]... [--rounds N] [--processes N] [--seconds S] [--alone]");
                    return 2;
            }
        }

        if (builds.Count == 0)
        {
            builds.Add(("this", typeof(RaceCommand).Assembly.Location, []));
        }

        var missing = builds.FirstOrDefault(b => !File.Exists(b.Dll));
        if (missing.Dll is not null)
        {
            Console.Error.WriteLine($"race: no worker at {missing.Dll}");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("shop-fairness-").FullName;
        try
        {
            Console.Error.WriteLine($"race: preparing the shop in {folder}");
            var template = await RaceShop.PrepareAsync(folder) with { Seconds = seconds };
            var all = new List<RaceFigures>();
            for (var round = 1; round <= rounds; round++)
            {
                var order = round % 2 == 1 ? builds : Enumerable.Reverse(builds).ToList();
                foreach (var build in order)
                {
                    foreach (var count in alone ? new[] { 1, processes } : [processes])
                    {
                        var figures = await RunOnceAsync(template, Path.Combine(folder, $"{round}-{build.Name}-{count}"), build, round, count);
                        all.Add(figures);
                        figures.Lines().ToList().ForEach(Console.WriteLine);
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine($"summary ({rounds} rounds, {processes} processes x {template.Tasks} loops, {seconds} s, payments and claims):");
            foreach (var group in all.GroupBy(f => (f.Build, f.Workers.Count)))
            {
                Console.WriteLine($"{group.Key.Build,-8} {group.Key.Count} processes: worst p99 per run {string.Join(", ", group.Select(f => f.WorstP99.ToString("F0")))} ms; " +
                    $"lowest share per run {string.Join(", ", group.Select(f => f.LowestShare.ToString("F1")))} %; operations per run {string.Join(", ", group.Select(f => f.Workers.Sum(f.Done)))}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<RaceFigures> RunOnceAsync(WorkerPlan template, string runFolder,
        (string Name, string Dll, Dictionary<string, string> Environment) build, int round, int processes)
    {
        var signal = Path.Combine(runFolder, "start");
        var plan = template with
        {
            Database = RaceShop.CopyFor(template, runFolder),
            DataPlatformFolder = Path.Combine(runFolder, "data-platform"),
            StartSignal = signal,
        };
        var planPath = Path.Combine(runFolder, "plan.json");
        await File.WriteAllTextAsync(planPath, JsonSerializer.Serialize(plan));

        var workers = Enumerable.Range(1, processes).Select(n => new RaceWorker(build.Dll, planPath, $"{build.Name}-{n}", build.Environment)).ToList();
        try
        {
            await Task.WhenAll(workers.Select(w => w.Ready)).WaitAsync(TimeSpan.FromMinutes(3));
            await File.WriteAllTextAsync(signal, "go");
            var stats = await Task.WhenAll(workers.Select(w => w.FinishAsync()));
            return new RaceFigures(build.Name, round, stats, File.ReadAllText("/proc/loadavg").Split(' ')[0]);
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }

    private static (string, string) Split(string text, char separator) =>
        text.IndexOf(separator) is var at and > 0 ? (text[..at], text[(at + 1)..]) : throw new ArgumentException($"Expected name{separator}value, got \"{text}\".");
}
