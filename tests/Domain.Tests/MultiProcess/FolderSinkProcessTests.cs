using ECommerce.Domain.Tests.Support;
namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>Four processes appending to the same JSON-lines file at once: every line whole, none lost.</summary>
// Appends to the sink's file only: the store makes no difference.
[Trait(TestStore.Trait, TestStore.NoDatabase)]
[Collection(ProcessCollection.Name)]
public sealed class FolderSinkProcessTests
{
    [Fact]
    public async Task Four_processes_appending_to_one_file_lose_and_tear_no_line()
    {
        await using var shop = await MultiProcessShop.CreateAsync(shoppers: 0, balance: 0, campaignQuantities: [], products: 0, stock: 0);
        using var workers = await shop.StartWorkersAsync("SinkAppends", processes: 4, tasks: 4, seconds: 2, name: "append");

        await workers.FinishAllAsync();

        var sent = workers.Acknowledged.Select(a => a.Split(' ')[1]).ToList();
        Assert.True(sent.Count > 100, $"Only {sent.Count} appends were acknowledged.");
        var lines = shop.SinkLinesByKey(); // Parses every line: a torn or glued line fails here.
        Assert.Empty(sent.Except(lines.Keys));
        Assert.Equal(sent.Count, File.ReadAllLines(Assert.Single(Directory.GetFiles(shop.SinkFolder))).Length);
    }
}
