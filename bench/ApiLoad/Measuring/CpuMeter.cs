namespace ECommerce.ApiLoad.Measuring;

/// <summary>
/// Processor time the app and this generator spent over a measured window, per operation. On two shared cores
/// the generator's share is taken from the app: these two figures say which side a scenario spends on, and
/// unlike throughput they barely move with other load on the machine. With several instances behind a load balancer
/// the app's figure is their sum: the work per operation, wherever it was done.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<int> appProcessIds)
{
    private TimeSpan _app;
    private TimeSpan _load;

    public void Start() => (_app, _load) = (AppCpu(), Environment.CpuUsage.TotalTime);

    /// <summary>The figures since <see cref="Start"/>, as the scenario line's extra fields.</summary>
    public string Stop(int operations)
    {
        var app = AppCpu() - _app;
        var load = Environment.CpuUsage.TotalTime - _load;
        var per = Math.Max(1, operations) / 1e6;
        return string.Create(CultureInfo.InvariantCulture,
            $"app_cpu_us_per_op={(appProcessIds.Count == 0 ? double.NaN : app.TotalSeconds / per):0} load_cpu_us_per_op={load.TotalSeconds / per:0}");
    }

    private TimeSpan AppCpu() => appProcessIds.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcessCpu(pid));

    /// <summary>utime + stime of one app process from /proc, in the kernel's clock ticks (100 a second).</summary>
    private static TimeSpan ProcessCpu(int pid)
    {
        if (!File.Exists($"/proc/{pid}/stat"))
        {
            return TimeSpan.Zero;
        }

        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
