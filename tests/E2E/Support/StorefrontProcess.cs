using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ECommerce.E2E.Support;

/// <summary>
/// The real storefront, started from its build output as its own process on a free loopback port, over a fresh
/// database in a temporary folder. Disposing stops it and deletes the folder.
/// </summary>
public sealed class StorefrontProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly List<string> _output = [];
    private bool _ownsFolder = true;

    private StorefrontProcess(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        Folder = folder;
        BaseAddress = baseAddress;
    }

    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "shop.db");

    /// <summary>http://localhost:PORT/ (a host name, not an IP: browser features such as passkeys refuse IP hosts).</summary>
    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    public static Task<StorefrontProcess> StartAsync() =>
        StartAsync(Directory.CreateTempSubdirectory("storefront-e2e-").FullName, FreePort());

    /// <summary>Ends the process at once, as a crash or <c>kill -9</c> would: no draining, no goodbye to open pages.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The shop started again on the same port over the same database, as after a crash; it owns the folder from now on.</summary>
    public async Task<StorefrontProcess> RestartAsync()
    {
        _ownsFolder = false;
        return await StartAsync(Folder, BaseAddress.Port);
    }

    private static async Task<StorefrontProcess> StartAsync(string folder, int port)
    {
        var dll = Path.Combine(BuildPaths.StorefrontOutput, "ECommerce.Storefront.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the solution first: the storefront's build output is missing.", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BuildPaths.StorefrontOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://localhost:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Shop__Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "shop.db")}";
        start.Environment["Shop__DataPlatform__Folder"] = Path.Combine(folder, "data-platform");

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new StorefrontProcess(process, folder, new Uri($"http://localhost:{port}/"));
        process.OutputDataReceived += (_, e) => app.Record(e.Data);
        process.ErrorDataReceived += (_, e) => app.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilAnsweringAsync();
        return app;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The storefront exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still seeding.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The storefront did not answer within {StartTimeout}:\n{Output}");
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (!_ownsFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the exiting process: the temp folder is cleaned by the OS later.
        }
    }
}
