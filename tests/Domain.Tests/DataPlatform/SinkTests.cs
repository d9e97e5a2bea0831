using System.Text.Json;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.DataPlatform;

public sealed class SinkTests
{
    [Fact]
    public async Task The_folder_sink_appends_one_json_line_per_message()
    {
        await using var shop = await ShopHarness.StartAsync(recordingSink: false);
        var orderIds = await OutboxTests.PayOrdersAsync(shop, 3);

        Assert.Equal((3, 0), await shop.Dispatcher.DispatchDueAsync());

        var file = Assert.Single(Directory.GetFiles(Path.Combine(shop.Folder, "data-platform"), "*.jsonl"));
        Assert.EndsWith($"order-paid-{ShopHarness.Start:yyyy-MM-dd}.jsonl", file);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(orderIds.Select(OutboxTests.KeyOf), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("idempotencyKey").GetString()));
    }

    [Fact]
    public async Task When_the_folder_cannot_be_made_every_message_of_the_batch_is_recorded_as_failing()
    {
        await using var shop = await ShopHarness.StartAsync(recordingSink: false);
        await OutboxTests.PayOrdersAsync(shop, 2);
        // A file where the folder should be: the platform is "down" for the whole batch, not for one file of it.
        var folder = Path.Combine(shop.Folder, "data-platform");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        await File.WriteAllTextAsync(folder, "");

        Assert.Equal((0, 2), await shop.Dispatcher.DispatchDueAsync());

        var outbox = await shop.QueryAsync(db => db.Outbox.ToListAsync());
        Assert.All(outbox, m => Assert.Equal((OutboxState.Failing, 1, (Guid?)null), (m.State, m.Attempts, m.LeaseId)));
        Assert.All(outbox, m => Assert.Contains("IOException", m.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_http_sink_posts_with_an_idempotency_key_and_treats_an_error_status_as_a_failure()
    {
        using var platform = new FakeDataPlatform(failFirst: 1);
        await using var shop = await ShopHarness.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Shop:DataPlatform:Sink"] = "Http",
                ["Shop:DataPlatform:Url"] = platform.Url,
            },
            recordingSink: false);
        var orderId = (await OutboxTests.PayOrdersAsync(shop, 1))[0];

        Assert.Equal((0, 1), await shop.Dispatcher.DispatchDueAsync());
        Assert.Contains("503", (await shop.QueryAsync(db => db.Outbox.SingleAsync())).LastError);
        shop.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((1, 0), await shop.Dispatcher.DispatchDueAsync());

        Assert.Equal(2, platform.Requests.Count);
        Assert.All(platform.Requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal(OutboxTests.KeyOf(orderId), r.IdempotencyKey);
            Assert.Equal(orderId, JsonDocument.Parse(r.Body).RootElement.GetProperty("payload").GetProperty("orderId").GetInt32());
        });
    }
}
