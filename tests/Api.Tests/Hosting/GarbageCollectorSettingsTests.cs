namespace ECommerce.Api.Tests.Hosting;

/// <summary>
/// The collector the shop ships with (Storefront.csproj): server GC without background collections. On one core
/// (bench/api.sh small-box) background GC kept the young generation small and cost the app far more GC time per paid
/// order; see docs/performance.md, "API load". The app's own runtimeconfig is read, as `dotnet` starts it with it.
/// </summary>
public sealed class GarbageCollectorSettingsTests
{
    [Fact]
    public void The_shop_runs_server_GC_without_background_collections()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "ECommerce.Storefront.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(file));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
    }
}
