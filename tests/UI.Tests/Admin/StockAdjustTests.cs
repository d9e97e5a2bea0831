using Bunit;
using ECommerce.Domain.Administration;
using ECommerce.Storefront.Components.Pages.Admin;

namespace ECommerce.UI.Tests.Admin;

public sealed class StockAdjustTests(AdminShop shop) : AdminPageTest(shop)
{
    private const string Units = "Units to add";
    private const string Reason = "Reason";

    private async Task<int> NewProductAsync(int stock)
    {
        var name = $"Bunit Teapot {Guid.NewGuid():N}"[..24];
        var added = await Get<InventoryService>().AddProductAsync(new NewProduct(1, name, "A test teapot.", 30_000, stock), "bunit");
        return added.Value!.Id;
    }

    private async Task<IRenderedComponent<AdminStockProduct>> OpenAsync(int stock)
    {
        var id = await NewProductAsync(stock);
        var page = RenderPage<AdminStockProduct>(p => p.Add(x => x.ProductId, id));
        page.WaitForAssertion(() => Assert.Equal(stock.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=shown-stock]").TextContent));
        return page;
    }

    private int StockOf(IRenderedComponent<AdminStockProduct> page) =>
        Get<CatalogService>().GetProductAsync(page.Instance.ProductId).GetAwaiter().GetResult().Value!.Stock;

    [Fact]
    public async Task A_confirmed_restock_is_saved_shown_in_a_snackbar_and_in_the_history()
    {
        var page = await OpenAsync(10);

        Box(page, Units).Input("5");
        Box(page, Reason).Input("Delivery from the roaster");
        Assert.Contains("10 → 15 after this change", page.Markup, StringComparison.Ordinal);
        Button(page, "Save change").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Add 5 units to", Dialogs.Markup, StringComparison.Ordinal));
        Assert.Contains("10 → 15", Dialogs.Markup, StringComparison.Ordinal);
        AnswerDialog("Save change");

        Snackbars.WaitForAssertion(() => Assert.Contains("Saved: +5 units. The stock is now 15.", SnackbarTexts()));
        page.WaitForAssertion(() => Assert.Equal("15", page.Find("[data-testid=shown-stock]").TextContent));
        page.WaitForAssertion(() => Assert.Contains("Delivery from the roaster", Rows(page, "Stock history")[0], StringComparison.Ordinal));
        Assert.Contains(AdminShop.AdminEmail, Rows(page, "Stock history")[0], StringComparison.Ordinal);
        Assert.Equal("", Box(page, Units).GetAttribute("value") ?? "");
        Assert.Equal(15, StockOf(page));
    }

    [Fact]
    public async Task A_cancelled_change_saves_nothing_and_keeps_what_was_typed()
    {
        var page = await OpenAsync(10);

        Box(page, Units).Input("-3");
        Box(page, Reason).Input("Broken in the warehouse");
        Button(page, "Save change").Click();
        Dialogs.WaitForAssertion(() => Assert.Contains("Remove 3 units from", Dialogs.Markup, StringComparison.Ordinal));
        AnswerDialog("Cancel");

        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll(".mud-dialog")));
        Assert.Equal(10, StockOf(page));
        Assert.Equal("-3", Box(page, Units).GetAttribute("value"));
        Assert.Empty(SnackbarTexts());
        Assert.Single(Rows(page, "Stock history")); // Only the opening stock.
    }

    [Theory]
    [InlineData("1e3", "digits only")]
    [InlineData("2.5", "digits only")]
    [InlineData("99999999999", "99999999999 is too large: the most is 2,147,483,647.")]
    public async Task A_number_that_cannot_be_read_as_typed_is_refused_under_its_box(string typed, string message)
    {
        var page = await OpenAsync(10);

        Box(page, Units).Input(typed);
        Box(page, Reason).Input("Count");
        Button(page, "Save change").Click();

        page.WaitForAssertion(() => Assert.Contains(message, MessageUnder(page, Units), StringComparison.Ordinal));
        Assert.Empty(Dialogs.FindAll(".mud-dialog"));
        Assert.Equal(10, StockOf(page));
    }

    [Fact]
    public async Task Empty_boxes_are_named_under_each_box_and_nothing_is_asked()
    {
        var page = await OpenAsync(10);

        Button(page, "Save change").Click();

        page.WaitForAssertion(() => Assert.Equal("Type how many units to add, or - and how many to remove.", MessageUnder(page, Units)));
        Assert.Equal("Give a reason: it is kept in the history.", MessageUnder(page, Reason));
        Assert.Empty(Dialogs.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task A_change_made_meanwhile_is_never_overwritten_the_new_stock_shows_and_the_entry_stays()
    {
        var page = await OpenAsync(10);
        Assert.True((await Get<InventoryService>().AdjustStockAsync(page.Instance.ProductId, 5, "Another admin", "other@example.com")).IsSuccess);

        Box(page, Units).Input("-2");
        Box(page, Reason).Input("Two broken");
        Button(page, "Save change").Click();
        Dialogs.WaitForElement(".mud-dialog");
        AnswerDialog("Save change");

        page.WaitForAssertion(() => Assert.Contains("changed to 15 while you were editing; nothing was saved.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        page.WaitForAssertion(() => Assert.Equal("15", page.Find("[data-testid=shown-stock]").TextContent));
        Assert.Equal("-2", Box(page, Units).GetAttribute("value"));
        Assert.Equal("Two broken", Box(page, Reason).GetAttribute("value"));
        Assert.Equal(15, StockOf(page));

        Button(page, "Save change").Click(); // Resubmitted, it now expects 15.
        Dialogs.WaitForElement(".mud-dialog");
        AnswerDialog("Save change");
        Snackbars.WaitForAssertion(() => Assert.Contains("Saved: -2 units. The stock is now 13.", SnackbarTexts()));
        Assert.Equal(13, StockOf(page));
    }

    [Fact]
    public async Task A_zero_change_is_refused_by_the_shop_and_said()
    {
        var page = await OpenAsync(10);

        Box(page, Units).Input("0");
        Box(page, Reason).Input("Nothing");
        Button(page, "Save change").Click();
        Dialogs.WaitForElement(".mud-dialog");
        AnswerDialog("Save change");

        page.WaitForAssertion(() => Assert.Contains("Enter a change other than zero.", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        Assert.Equal(10, StockOf(page));
    }

    [Fact]
    public async Task A_long_history_is_read_ten_changes_a_page()
    {
        var page = await OpenAsync(0);
        for (var delivery = 1; delivery <= 12; delivery++)
        {
            await Get<InventoryService>().AdjustStockAsync(page.Instance.ProductId, 1, $"Delivery {delivery}", "bunit");
        }

        var reloaded = RenderPage<AdminStockProduct>(p => p.Add(x => x.ProductId, page.Instance.ProductId));

        reloaded.WaitForAssertion(() => Assert.Equal(10, Rows(reloaded, "Stock history").Count));
        Assert.Contains("Delivery 12", Rows(reloaded, "Stock history")[0], StringComparison.Ordinal);
        Assert.Equal("1–10 of 13 changes", Caption(reloaded, "Stock history"));
        reloaded.Find("[aria-label='Stock history'] button[aria-label='Next page']").Click();
        reloaded.WaitForAssertion(() => Assert.Equal(3, Rows(reloaded, "Stock history").Count));
        Assert.Contains("Opening stock", Rows(reloaded, "Stock history")[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_product_that_does_not_exist_says_so()
    {
        var page = RenderPage<AdminStockProduct>(p => p.Add(x => x.ProductId, 999_999));

        page.WaitForAssertion(() => Assert.Contains("999999", page.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }
}
