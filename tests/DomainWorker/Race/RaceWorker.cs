using System.Diagnostics;
using System.Text.Json;

namespace ECommerce.DomainWorker.Race;

/// <summary>One worker process of a race, started from a given build's ECommerce.DomainWorker.dll (this one or another).</summary>
internal sealed class RaceWorker : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _stats;

    public RaceWorker(string workerDll, string planPath, string name, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(workerDll);
        start.ArgumentList.Add(planPath);
        start.ArgumentList.Add(name);
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  {name}: {e.Data}");
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Warmed up and waiting for the start signal.</summary>
    public Task Ready => _ready.Task;

    public async Task<WorkerStats> FinishAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        _process.WaitForExit(); // Drains the redirected output.
        return _stats is null
            ? throw new InvalidOperationException($"A worker exited with {_process.ExitCode} and no figures.")
            : JsonSerializer.Deserialize<WorkerStats>(_stats)!;
    }

    private void Record(string? line)
    {
        if (line == "ready")
        {
            _ready.TrySetResult();
        }
        else if (line?.StartsWith("stats ", StringComparison.Ordinal) == true)
        {
            _stats = line[6..];
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
