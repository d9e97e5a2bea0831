using Bunit;
using ECommerce.Storefront.Components.Pages.Admin;
using Microsoft.AspNetCore.Identity;

namespace ECommerce.UI.Tests.Admin;

/// <summary>The third lock: each admin action asks the account store again, so a circuit that outlived the admin role changes nothing.</summary>
public sealed class AdminGateTests(AdminShop shop) : AdminPageTest(shop)
{
    private async Task<string> ShopperIdAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync("shopper@example.com"))!.Id;
    }

    [Fact]
    public async Task A_stock_change_by_someone_no_longer_admin_is_refused_and_changes_nothing()
    {
        SignedInAs(await ShopperIdAsync());
        var product = (await Get<InventoryService>().AddProductAsync(new NewProduct(1, $"Gate {Guid.NewGuid():N}"[..20], "Test.", 1_000, 4), "bunit")).Value!;
        var page = RenderPage<AdminStockProduct>(p => p.Add(x => x.ProductId, product.Id));
        page.WaitForElement("[data-testid=shown-stock]");

        Box(page, "Units to add").Input("5");
        Box(page, "Reason").Input("Sneaky");
        Button(page, "Save change").Click();
        Dialogs.WaitForElement(".mud-dialog");
        AnswerDialog("Save change");

        page.WaitForAssertion(() => Assert.Contains("This page is not for your account.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal(4, (await Get<CatalogService>().GetProductAsync(product.Id)).Value!.Stock);
        Assert.Empty(SnackbarTexts());
    }

    [Fact]
    public async Task A_campaign_by_someone_no_longer_admin_is_refused_and_not_created()
    {
        SignedInAs(await ShopperIdAsync());
        var page = RenderPage<AdminCoupons>();
        var code = $"GATE{Random.Shared.Next(10_000, 99_999)}";
        Box(page, "Code").Input(code);
        Box(page, "Name shoppers see").Input("Not allowed");
        Box(page, "Discount (₩)").Input("1000");
        Box(page, "Coupons to issue").Input("5");

        Button(page, "Create campaign").Click();
        Dialogs.WaitForElement(".mud-dialog");
        AnswerDialog("Create");

        page.WaitForAssertion(() => Assert.Contains("This page is not for your account.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(await Get<ECommerce.Domain.Coupons.CouponService>().GetAllCampaignsAsync(), c => c.Code == code);
    }
}
