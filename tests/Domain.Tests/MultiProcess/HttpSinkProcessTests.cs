using System.Text.Json;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.MultiProcess;

/// <summary>
/// Three processes paying at once, each with its outbox dispatcher posting to one real HTTP endpoint that refuses
/// some requests: every paid order arrives, every message marked delivered was accepted, and a message sent twice
/// (after a refusal) is the same message.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class HttpSinkProcessTests
{
    [Fact]
    public async Task Three_processes_posting_to_one_endpoint_lose_no_paid_order()
    {
        using var platform = new FakeDataPlatform(failEvery: 5);
        await using var shop = await MultiProcessShop.CreateAsync(shoppers: 30, balance: 3_000_000, campaignQuantities: [], products: 4, stock: 100_000);
        shop.DataPlatformUrl = platform.Url;
        using var workers = await shop.StartWorkersAsync("Payments", processes: 3, tasks: 4, seconds: 3, name: "http");

        await workers.FinishAllAsync();

        await using var harness = await shop.OpenAsync();
        await harness.AssertInvariantsAsync();
        await using var db = await harness.OpenDbAsync();
        var paid = await db.Orders.Where(o => o.Status == OrderStatus.Paid).Select(o => o.Id).ToListAsync();
        var delivered = await db.Outbox.Where(m => m.State == OutboxState.Delivered).Select(m => m.IdempotencyKey).ToListAsync();
        List<(string Method, string? IdempotencyKey, string Body, int Status)> requests;
        lock (platform.Requests)
        {
            requests = [.. platform.Requests];
        }

        Assert.True(paid.Count > 20, $"Only {paid.Count} orders were paid.");
        Assert.Contains(requests, r => r.Status == 503);
        var accepted = requests.Where(r => r.Status == 202).Select(r => r.IdempotencyKey).ToHashSet();
        Assert.Empty(paid.Select(id => $"order-paid-{id}").Except(accepted));
        Assert.Empty(delivered.Except(accepted));
        Assert.All(requests.GroupBy(r => r.IdempotencyKey), sent =>
        {
            Assert.Single(sent.Select(r => r.Body).Distinct());
            Assert.Equal(sent.Key, JsonDocument.Parse(sent.First().Body).RootElement.GetProperty("idempotencyKey").GetString());
        });
    }
}
