using Bunit;
using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class ActivityTests(AdminShop shop) : AdminPageTest(shop)
{
    [Fact]
    public void The_audit_log_is_newest_first_a_page_at_a_time_back_to_the_seeding()
    {
        var page = RenderPage<AdminActivity>();

        page.WaitForAssertion(() => Assert.Equal(20, Rows(page, "Admin activity").Count));
        Assert.Matches(@"^1–20 of \d+ changes$", Caption(page, "Admin activity"));

        page.Find("button[aria-label='Last page']").Click();

        page.WaitForAssertion(() => Assert.Contains("demo data", Rows(page, "Admin activity")[^1], StringComparison.Ordinal));
        Assert.Contains("Product added", Rows(page, "Admin activity")[^1], StringComparison.Ordinal);
    }
}
