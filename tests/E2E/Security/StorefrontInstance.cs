using System.Diagnostics;
using System.Net;

namespace ECommerce.E2E.Security;

/// <summary>
/// A storefront process over a database folder the test chooses (several may share one), with extra command-line
/// settings (an HTTPS endpoint and its certificate). Disposing kills it; the test owns the folder.
/// </summary>
public sealed class StorefrontInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private StorefrontInstance(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static StorefrontInstance Start(string folder, string scheme = "http", params string[] settings)
    {
        var port = StorefrontProcess.FreePort();
        var baseAddress = new Uri($"{scheme}://localhost:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BuildPaths.StorefrontOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Path.Combine(BuildPaths.StorefrontOutput, "ECommerce.Storefront.dll"), "--urls", baseAddress.ToString().TrimEnd('/'), .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Shop__Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "shop.db")}";
        start.Environment["Shop__DataPlatform__Folder"] = Path.Combine(folder, "data-platform");
        var instance = new StorefrontInstance(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseAddress);
        instance._process.OutputDataReceived += (_, e) => instance.Record(e.Data);
        instance._process.ErrorDataReceived += (_, e) => instance.Record(e.Data);
        instance._process.BeginOutputReadLine();
        instance._process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>A client for this instance; it accepts the test's self-signed certificate and shows redirects.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Waits until the home page answers 200; fails with the process's output if it exits first.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var http = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"The storefront exited with code {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still seeding.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"The storefront did not serve within {timeout}:\n{Output}");
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
