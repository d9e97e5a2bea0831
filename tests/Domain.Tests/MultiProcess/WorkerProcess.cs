using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>
/// One real process of tests/DomainWorker running a plan against the shared database. Its acknowledgements are
/// collected as they are printed, so they survive a SIGKILL of the process.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private static readonly string WorkerDll = Path.Combine(
        typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "DomainWorkerOutput").Value!,
        "ECommerce.DomainWorker.dll");

    private readonly Process _process;
    private readonly List<string> _acknowledged = [];
    private readonly List<string> _errors = [];
    private string? _stats;

    private WorkerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>Warmed up and waiting for the plan's start signal.</summary>
    public bool IsReady { get; private set; }

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(string planPath, string name)
    {
        Assert.True(File.Exists(WorkerDll), $"The worker's build output is missing: {WorkerDll}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WorkerDll);
        start.ArgumentList.Add(planPath);
        start.ArgumentList.Add(name);
        var worker = new WorkerProcess(name, Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        worker._process.OutputDataReceived += (_, e) => worker.Record(e.Data);
        worker._process.ErrorDataReceived += (_, e) => worker.RecordError(e.Data);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Every "ack …" line so far, without the prefix: "pay 12 shopper-3", "charge key shopper-1 5000", …</summary>
    public IReadOnlyList<string> Acknowledged
    {
        get
        {
            lock (_acknowledged)
            {
                return [.. _acknowledged];
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return string.Join('\n', _errors.TakeLast(20));
            }
        }
    }

    public int AcknowledgedCount
    {
        get
        {
            lock (_acknowledged)
            {
                return _acknowledged.Count;
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally; whatever was in flight is cut off.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Waits for a timed plan to end and returns the worker's own figures.</summary>
    public async Task<WorkerFigures> FinishAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // Drains the redirected output.
        Assert.True(_process.ExitCode == 0, $"{Name} exited with {_process.ExitCode}:\n{Errors}");
        Assert.True(_stats is not null, $"{Name} printed no figures:\n{Errors}");
        return JsonSerializer.Deserialize<WorkerFigures>(_stats)!;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("ack ", StringComparison.Ordinal))
        {
            lock (_acknowledged)
            {
                _acknowledged.Add(line[4..]);
            }
        }
        else if (line == "ready")
        {
            IsReady = true;
        }
        else if (line.StartsWith("stats ", StringComparison.Ordinal))
        {
            _stats = line[6..];
        }
    }

    private void RecordError(string? line)
    {
        if (line is not null)
        {
            lock (_errors)
            {
                _errors.Add(line);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}

/// <summary>A worker's "stats" line: its completed operations by kind, with timings in milliseconds.</summary>
public sealed record WorkerFigures(string Worker, int Errors, Dictionary<string, OperationTimes> Operations)
{
    public int Completed(string kind) => Operations.TryGetValue(kind, out var times) ? times.Count : 0;
}

public sealed record OperationTimes(int Count, double P50, double P99, double Max);
