using ECommerce.Domain.Tests.Support;
using static ECommerce.Domain.Tests.Administration.AdminScenario;

namespace ECommerce.Domain.Tests.Administration;

public sealed class AuditLogTests
{
    [Fact]
    public async Task A_stock_adjustment_is_recorded_with_who_when_and_what()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 0, name: "Green Tea");
        shop.Clock.Advance(TimeSpan.FromMinutes(5));

        Ok(await shop.Inventory.AdjustStockAsync(product.Id, 12, " delivery from the farm ", "ann@example.com", expectedStock: 0));

        var entry = (await AuditAsync(shop))[0];
        Assert.Equal(AdminActionKind.StockAdjusted, entry.Kind);
        Assert.Equal("ann@example.com", entry.Actor);
        Assert.Equal(shop.Clock.GetUtcNow().UtcDateTime, entry.At);
        Assert.Equal($"Product {product.Id} \"Green Tea\"", entry.Subject);
        Assert.Equal("+12 (0 → 12): delivery from the farm", entry.Details);
    }

    [Fact]
    public async Task A_refused_stock_change_writes_no_audit_entry()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 3);
        var before = await AuditAsync(shop);

        var changed = await shop.Inventory.AdjustStockAsync(product.Id, 5, "recount", "ann", expectedStock: 4);
        var negative = await shop.Inventory.AdjustStockAsync(product.Id, -4, "breakage", "ann");
        var nobody = await shop.Inventory.AdjustStockAsync(product.Id, 5, "recount", " ");

        Assert.Equal(ErrorCode.StockChanged, changed.Error?.Code);
        Assert.Equal(3, changed.Error!.CurrentValue);
        Assert.Equal(ErrorCode.StockWouldGoNegative, negative.Error?.Code);
        Assert.Equal(ErrorCode.InvalidInput, nobody.Error?.Code);
        Assert.Equal(before, await AuditAsync(shop));
        Assert.Equal(3, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
    }

    [Fact]
    public async Task A_change_whose_audit_entry_cannot_be_written_is_not_made()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 3);
        await using (var db = await shop.OpenDbAsync())
        {
            await db.Database.ExecuteSqlRawAsync(TestStore.IsPostgreSql
                ? """
                  CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit log full'; END $$;
                  CREATE TRIGGER refuse_audit BEFORE INSERT ON "AdminActions" FOR EACH ROW EXECUTE FUNCTION refuse_audit();
                  """
                : "CREATE TRIGGER refuse_audit BEFORE INSERT ON \"AdminActions\" BEGIN SELECT RAISE(ABORT, 'audit log full'); END");
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => shop.Inventory.AdjustStockAsync(product.Id, 5, "restock", "ann"));
        await Assert.ThrowsAsync<DbUpdateException>(() => shop.Coupons.CreateCampaignAsync(
            new NewCouponCampaign("AUDITED", "Audited", DiscountKind.FixedAmount, 1_000, null, 0, 10,
                ShopHarness.Start.UtcDateTime, ShopHarness.Start.UtcDateTime.AddDays(1), TimeSpan.FromDays(1)), "ann"));

        Assert.Equal(3, (await shop.Catalog.GetProductAsync(product.Id)).Value!.Stock);
        Assert.Single((await shop.Inventory.GetStockHistoryAsync(product.Id)).Items);
        Assert.Empty(await shop.Coupons.GetAllCampaignsAsync());
    }

    [Fact]
    public async Task A_created_campaign_is_recorded_and_a_refused_one_is_not()
    {
        await using var shop = await ShopHarness.StartAsync();
        var now = shop.Clock.GetUtcNow().UtcDateTime;
        var spec = new NewCouponCampaign("spring", "Spring sale", DiscountKind.Percent, 10, 5_000, 20_000, 100,
            now, now.AddDays(7), TimeSpan.FromDays(30));

        Ok(await shop.Coupons.CreateCampaignAsync(spec, "ann"));
        var duplicate = await shop.Coupons.CreateCampaignAsync(spec, "bob");
        var nobody = await shop.Coupons.CreateCampaignAsync(spec with { Code = "OTHER" }, "");

        Assert.Equal("A campaign with the code SPRING already exists.", duplicate.Error?.FieldErrors?["Code"]);
        Assert.Equal(ErrorCode.InvalidInput, nobody.Error?.Code);
        var entry = Assert.Single(await AuditAsync(shop));
        Assert.Equal((AdminActionKind.CampaignCreated, "ann", "Campaign SPRING"), (entry.Kind, entry.Actor, entry.Subject));
        Assert.StartsWith("\"Spring sale\": 10% off (up to ₩5,000), 100 coupons", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_now_is_recorded_and_a_refused_one_is_not()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync();
        await SellAsync(shop, "sam", product.Id);
        shop.Sink.FailuresLeft = 1;
        await shop.Dispatcher.DispatchDueAsync();
        var message = await shop.QueryAsync(db => db.Outbox.SingleAsync());
        var before = (await AuditAsync(shop)).Count;

        Assert.Equal(ErrorCode.InvalidInput, (await shop.Dispatcher.RetryNowAsync(message.Id, "  ")).Error?.Code);
        Ok(await shop.Dispatcher.RetryNowAsync(message.Id, "ann"));
        await shop.Dispatcher.DispatchDueAsync();
        Assert.Equal(ErrorCode.InvalidInput, (await shop.Dispatcher.RetryNowAsync(message.Id, "ann")).Error?.Code);

        var audit = await AuditAsync(shop);
        Assert.Equal(before + 1, audit.Count);
        Assert.Equal((AdminActionKind.OutboxRetried, "ann", $"Outbox message {message.Id}"), (audit[0].Kind, audit[0].Actor, audit[0].Subject));
        Assert.Contains("1 failed attempts, last error: HttpRequestException: The data platform is down.", audit[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_activity_log_pages_newest_first()
    {
        await using var shop = await ShopHarness.StartAsync();
        var product = await shop.AddProductAsync(stock: 0); // Its opening stock is the first entry.
        for (var i = 1; i <= 4; i++)
        {
            Ok(await shop.Inventory.AdjustStockAsync(product.Id, i, $"delivery {i}", "ann"));
        }

        var first = await shop.Get<ActivityLog>().GetPageAsync(page: 1, pageSize: 2);
        var last = await shop.Get<ActivityLog>().GetPageAsync(page: 3, pageSize: 2);
        var beyond = await shop.Get<ActivityLog>().GetPageAsync(page: 9, pageSize: 2);

        Assert.Equal(5, first.TotalCount);
        Assert.Equal(["+4 (6 → 10): delivery 4", "+3 (3 → 6): delivery 3"], first.Items.Select(a => a.Details));
        Assert.Equal(AdminActionKind.ProductAdded, Assert.Single(last.Items).Kind);
        Assert.Empty(beyond.Items);
    }
}
