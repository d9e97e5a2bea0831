using ECommerce.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.DomainWorker;

/// <summary>
/// `migrate &lt;provider&gt; &lt;connection string&gt; &lt;start signal&gt;`: migrates the shop's database as a starting app does,
/// once the signal file exists, so several processes can be made to start on one fresh database at the same moment.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string provider, string connectionString, string startSignal)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Shop:Database:Provider"] = provider,
                ["Shop:Database:ConnectionString"] = connectionString,
            })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddShopDomain(configuration).BuildServiceProvider();
        Acknowledgements.Write("ready");
        while (!File.Exists(startSignal))
        {
            await Task.Delay(2);
        }

        await services.MigrateShopAsync();
        Acknowledgements.Write("migrated");
        return 0;
    }
}
