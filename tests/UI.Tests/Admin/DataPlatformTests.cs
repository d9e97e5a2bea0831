using Bunit;
using ECommerce.Domain.Administration;
using ECommerce.Domain.Auditing;
using ECommerce.Domain.DataPlatform;
using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class DataPlatformTests(AdminShop shop) : AdminPageTest(shop)
{
    private IRenderedComponent<AdminDataPlatform> Open()
    {
        var page = RenderPage<AdminDataPlatform>();
        page.WaitForAssertion(() => Assert.NotEmpty(Rows(page, "Outbox messages")));
        return page;
    }

    [Fact]
    public async Task Each_state_button_shows_its_count_and_its_messages()
    {
        var counts = await Get<OutboxMonitor>().CountAsync();
        var page = Open();

        page.WaitForAssertion(() => Assert.Equal($"Pending ({counts.Pending:N0})", Button(page, "Pending").TextContent.Trim()));
        Assert.Equal($"All ({counts.Pending + counts.Failing + counts.Delivered:N0})", Button(page, "All").TextContent.Trim());
        Assert.Contains("order-paid-", Rows(page, "Outbox messages")[0], StringComparison.Ordinal);

        Button(page, "Delivered").Click();
        page.WaitForAssertion(() => Assert.Equal("true", Button(page, "Delivered").GetAttribute("aria-pressed")));
        if (counts.Delivered == 0)
        {
            page.WaitForAssertion(() => Assert.Contains("No messages in this state.", page.Markup, StringComparison.Ordinal));
        }
        else
        {
            page.WaitForAssertion(() => Assert.All(Rows(page, "Outbox messages"), row => Assert.Contains("Delivered", row, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_message_links_to_its_order_and_a_retry_is_announced_and_recorded()
    {
        var page = Open();
        var first = page.FindAll("[aria-label='Outbox messages'] tr.data-row")[0];
        var key = first.QuerySelector("a")!.TextContent.Trim();
        Assert.Equal($"admin/orders/{key["order-paid-".Length..]}", first.QuerySelector("a")!.GetAttribute("href"));

        first.QuerySelector("button[aria-label^='Retry message']")!.Click();

        Snackbars.WaitForAssertion(() => Assert.Contains(SnackbarTexts(), t => t.Contains($"({key}) will be sent again right away.", StringComparison.Ordinal)));
        var newest = (await Get<ActivityLog>().GetPageAsync(1, 1)).Items[0];
        Assert.Equal((AdminActionKind.OutboxRetried, AdminShop.AdminEmail), (newest.Kind, newest.Actor));
    }

    [Fact]
    public void A_failing_state_with_no_messages_says_so()
    {
        var page = Open();

        Button(page, "Failing").Click();

        page.WaitForAssertion(() => Assert.Equal("true", Button(page, "Failing").GetAttribute("aria-pressed")));
        page.WaitForAssertion(() => Assert.All(Rows(page, "Outbox messages"), row => Assert.Contains(nameof(OutboxState.Failing), row, StringComparison.Ordinal)));
    }
}
