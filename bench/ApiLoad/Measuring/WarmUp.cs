namespace ECommerce.ApiLoad.Measuring;

/// <summary>
/// Warms a scenario's code paths up until the JIT has stopped compiling them, so that what is measured is the steady
/// state and not the runtime's tiering. .NET first runs a method as quickly compiled code, then instrumented, and
/// compiles it optimised only after enough calls, on a background thread: on the one core of small-box that took
/// tens of seconds, and a measured window opened after a short warm-up ran on unoptimised code for a fifth of its
/// samples (docs/performance.md, "Measured at steady state"). The generator tiers up the same way on the cores it
/// shares with the app.
/// <para>
/// The warm-up repeats a round, and a short rest, until the processor time the JIT spent over the last rounds, in the
/// app (its <c>dotnet_jit_compilation_time_seconds_total</c> at /metrics, which answers the machine's own callers) and
/// in this generator, is under <see cref="Settled"/> of their wall time, or until the size's time limit. Against a
/// shop behind a load balancer /metrics is not served, and only the generator's JIT is watched.
/// </para>
/// </summary>
internal static class WarmUp
{
    /// <summary>JIT time per second of warm-up, over its last <see cref="Window"/> rounds, under which the code paths are taken as compiled.</summary>
    public const double Settled = 0.01;

    /// <summary>The JIT works in bursts (a batch of methods promoted at once): the share is judged over several rounds.</summary>
    private const int Window = 3;

    /// <summary>
    /// A rest after each round: the runtime compiles hot methods on a background thread that the load starves, most
    /// of all on one core; without it, short rounds (a small rush of claims) go on for long still compiling.
    /// </summary>
    private static readonly TimeSpan Rest = TimeSpan.FromSeconds(0.5);

    private static readonly HttpClient Metrics = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Runs <paramref name="round"/> (given its number, from 0) until the JIT has settled or the size's time limit has
    /// passed; at least <see cref="Window"/> rounds.
    /// </summary>
    /// <returns>The scenario line's fields: how long the warm-up took and the JIT's share of its last rounds.</returns>
    public static async Task<string> RunAsync(BenchRun run, string name, Func<int, Task> round)
    {
        var clock = Stopwatch.StartNew();
        var last = new Queue<(double Seconds, TimeSpan App, TimeSpan Generator)>();
        var compiled = await JitTimeAsync(run.App);
        var share = double.NaN;
        var rounds = 0;
        while (rounds < Window || (share >= Settled && clock.Elapsed < run.Size.WarmUpLimit))
        {
            var begun = Stopwatch.GetTimestamp();
            await round(rounds++);
            await Task.Delay(Rest);
            var seconds = Stopwatch.GetElapsedTime(begun).TotalSeconds;
            var now = await JitTimeAsync(run.App);
            last.Enqueue((seconds, now.App - compiled.App, now.Generator - compiled.Generator));
            compiled = now;
            if (last.Count > Window)
            {
                last.Dequeue();
            }

            share = last.Sum(r => (r.App + r.Generator).TotalSeconds) / last.Sum(r => r.Seconds);
        }

        var appShare = last.Sum(r => r.App.TotalSeconds) / last.Sum(r => r.Seconds);
        var settled = share < Settled ? "settled" : "still compiling when the warm-up ended";
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: warmed up in {rounds} rounds, {clock.Elapsed.TotalSeconds:0.0} s; JIT {share:P2} of the last rounds' time, the app's {appShare:P2} ({settled})"));
        return string.Create(CultureInfo.InvariantCulture, $"warm_up_s={clock.Elapsed.TotalSeconds:0.0} warm_up_jit={share:0.0000}");
    }

    /// <summary>The JIT's processor time so far in the app (zero when /metrics does not answer) and in this generator.</summary>
    private static async Task<(TimeSpan App, TimeSpan Generator)> JitTimeAsync(Uri app)
    {
        var generator = System.Runtime.JitInfo.GetCompilationTime();
        try
        {
            using var response = await Metrics.GetAsync(new Uri(app, "/metrics"));
            if (!response.IsSuccessStatusCode)
            {
                return (TimeSpan.Zero, generator);
            }

            const string Counter = "dotnet_jit_compilation_time_seconds_total";
            foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n'))
            {
                if (line.StartsWith(Counter, StringComparison.Ordinal) &&
                    double.TryParse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return (TimeSpan.FromSeconds(seconds), generator);
                }
            }
        }
        catch (HttpRequestException)
        {
        }

        return (TimeSpan.Zero, generator);
    }
}
