using ECommerce.Domain.Administration;
using ECommerce.Domain.DataPlatform;

namespace ECommerce.E2E.Admin;

public sealed class DataPlatformRetryTests(ShopFixture shop) : BrowserTest(shop)
{
    [Fact]
    public Task A_failing_delivery_shows_its_error_and_the_admin_retries_it() => InBrowserAsync(async admin =>
    {
        // A shopper's order, paid below while the data platform is down.
        var mug = await Shop.Domain.AddProductAsync("E2E Mug", 9_000, 5);
        await using var shopperContext = await NewContextAsync();
        var shopper = await shopperContext.NewPageAsync();
        await Shopper.RegisterAsync(shopper);
        await Shopper.ChargeAsync(shopper, 9_000);
        await Shopper.AddToCartAsync(shopper, mug.Id);
        await Shopper.PlaceOrderAsync(shopper);

        var key = "";
        // The data platform "goes down": a file where the folder sink writes makes every send fail.
        var sink = Path.Combine(Shop.App.Folder, "data-platform");
        var parked = sink + "-parked";
        Directory.CreateDirectory(sink);
        Directory.Move(sink, parked);
        try
        {
            await File.WriteAllTextAsync(sink, "");
            key = OrderPaidMessage(await Shopper.PayAsync(shopper, 9_000)); // The payment does not wait for the platform.
            await WaitForAsync(key, m => m.State == OutboxState.Failing);

            await AdminUser.SignInAsync(admin, "admin/data-platform");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Failing" }).ClickAsync();
            var row = AdminUser.GridRows(admin, "Outbox messages").Filter(new() { HasText = key });
            await Assertions.Expect(row).ToContainTextAsync("IOException");
            var attempts = (await WaitForAsync(key, m => m.Attempts > 0)).Attempts;
            await row.GetByRole(AriaRole.Button, new() { Name = "Retry message" }).ClickAsync();
            await Assertions.Expect(admin.GetByText($"({key}) will be sent again right away")).ToBeVisibleAsync();
            await WaitForAsync(key, m => m.Attempts > attempts); // Tried again, and failed again: still down.
        }
        finally
        {
            File.Delete(sink);
            Directory.Move(parked, sink);
        }

        await WaitForAsync(key, m => m.State == OutboxState.Delivered);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Delivered" }).ClickAsync();
        await Assertions.Expect(AdminUser.GridRows(admin, "Outbox messages").Filter(new() { HasText = key })).ToContainTextAsync("Delivered");
        await AdminUser.GoToAsync(admin, "Activity");
        await Assertions.Expect(AdminUser.GridRows(admin, "Admin activity").First).ToContainTextAsync("Delivery retried");
        await Assertions.Expect(AdminUser.GridRows(admin, "Admin activity").First).ToContainTextAsync(AdminUser.Email);
    });

    private static string OrderPaidMessage(int orderId) => $"order-paid-{orderId}";

    /// <summary>Waits for the storefront's own dispatcher (another process) to bring the message to a state.</summary>
    private async Task<OutboxRow> WaitForAsync(string key, Func<OutboxRow, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var row = (await Shop.Domain.Get<OutboxMonitor>().GetPageAsync(new OutboxQuery(PageSize: 100))).Items.Single(m => m.IdempotencyKey == key);
            if (reached(row))
            {
                return row;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{key} is still {row.State} after {row.Attempts} attempts.");
            await Task.Delay(100);
        }
    }
}
