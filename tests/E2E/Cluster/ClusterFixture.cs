using System.Diagnostics;

namespace ECommerce.E2E.Cluster;

/// <summary>
/// The shop scaled out as an operator would run it: <c>scripts/cluster.sh up 2</c> (PostgreSQL, two storefront
/// instances, nginx) on a state folder of its own, over the storefront's build output; <c>down</c> at the end.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("shop-cluster-e2e-").FullName;
    private Chromium? _chromium;
    private ShopDomain? _domain;

    /// <summary>nginx: the address shoppers use.</summary>
    public Uri LoadBalancer { get; private set; } = null!;

    /// <summary>Each instance's own address (http://localhost:PORT/), past the load balancer.</summary>
    public IReadOnlyList<Uri> Instances { get; private set; } = [];

    public IBrowser Browser => _chromium?.Browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>The domain over the cluster's database, for arranging what a browser cannot make happen on cue.</summary>
    public ShopDomain Domain => _domain ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var status = await RunAsync("up", "2");
        var lines = status.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        LoadBalancer = new Uri(lines.Single(l => l.StartsWith("lb ", StringComparison.Ordinal))[3..]);
        Instances = [.. lines.Where(l => l.StartsWith("instance ", StringComparison.Ordinal))
            .Select(l => new Uri(l.Split(' ')[1]))
            // localhost, not 127.0.0.1, as every browser test browses (ENVIRONMENT.md).
            .Select(u => new Uri($"http://localhost:{u.Port}/"))];
        Assert.Equal(2, Instances.Count);
        _domain = await ShopDomain.OpenPostgreSqlAsync(lines.Single(l => l.StartsWith("postgresql ", StringComparison.Ordinal))["postgresql ".Length..]);
        _chromium = await Chromium.LaunchAsync();
    }

    /// <summary>Ends the instance listening on that port at once, as a crash or <c>kill -9</c> would.</summary>
    public async Task KillInstanceAsync(int port)
    {
        var folder = Directory.GetDirectories(_state, "instance-*")
            .Single(f => File.ReadAllText(Path.Combine(f, "port")).Trim() == port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var process = Process.GetProcessById(int.Parse(File.ReadAllText(Path.Combine(folder, "pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Starts again every instance a test killed (<c>cluster.sh revive</c>); nothing when all run.</summary>
    public Task ReviveAsync() => RunAsync("revive");

    private async Task<string> RunAsync(params string[] arguments)
    {
        var script = Path.GetFullPath(Path.Combine(BuildPaths.StorefrontOutput, "../../../../../scripts/cluster.sh"));
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SHOP_CLUSTER_STATE"] = _state;
        start.Environment["SHOP_CLUSTER_APP"] = Path.Combine(BuildPaths.StorefrontOutput, "ECommerce.Storefront.dll");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        return await output;
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_domain is not null)
        {
            await _domain.DisposeAsync();
        }

        await RunAsync("down");
    }
}
