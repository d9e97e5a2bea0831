using System.Security.Claims;
using Bunit;
using ECommerce.Storefront.Accounts;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace ECommerce.UI.Tests.Admin;

/// <summary>
/// A bunit context signed in as the seeded admin, with the storefront's services over the shared <see cref="AdminShop"/>
/// and MudBlazor's providers rendered, so dialogs and snackbars show as they do in the browser.
/// </summary>
[Collection(AdminShopCollection.Name)]
public abstract class AdminPageTest : BunitContext, IAsyncLifetime
{
    protected AdminPageTest(AdminShop shop)
        : this(shop, shop.Configuration)
    {
    }

    /// <param name="configuration">Where the pages' services read from: the shared shop's, unless a test needs otherwise.</param>
    protected AdminPageTest(AdminShop shop, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        Shop = shop;
        JSInterop.Mode = JSRuntimeMode.Loose;
        AdminShop.AddTo(Services, configuration);
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        signedIn = AddAuthorization();
        signedIn.SetAuthorized(AdminShop.AdminEmail);
        signedIn.SetRoles(ShopRoles.Admin);
        signedIn.SetClaims(new Claim(ClaimTypes.NameIdentifier, shop.AdminId));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private readonly Bunit.TestDoubles.BunitAuthorizationContext signedIn;

    protected AdminShop Shop { get; }

    /// <summary>The circuit still says "admin", but the account store knows this user by another id (say, a role removed since).</summary>
    protected void SignedInAs(string userId) => signedIn.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));

    /// <summary>Where MudBlazor's dialogs, popovers (selects, date pickers) and snackbars show.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;


    protected IRenderedComponent<MudSnackbarProvider> Snackbars { get; private set; } = default!;

    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = default!;

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Renders the page with the providers beside it, as the layout has them.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        if (Dialogs is null)
        {
            Popovers = Render<MudPopoverProvider>();
            Dialogs = Render<MudDialogProvider>();
            Snackbars = Render<MudSnackbarProvider>();
        }

        return Render(parameters ?? (_ => { }));
    }

    /// <summary>Clicks the dialog's button of that name (its confirm or its cancel).</summary>
    protected void AnswerDialog(string button) =>
        Dialogs.WaitForElement(".mud-dialog").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == button).Click();

    /// <summary>The text of every snackbar showing.</summary>
    protected IReadOnlyList<string> SnackbarTexts() =>
        Snackbars.FindAll(".mud-snackbar-content-message").Select(m => m.TextContent.Trim()).ToList();

    /// <summary>The box a label names, as a person finds it.</summary>
    protected static AngleSharp.Dom.IElement Box<T>(IRenderedComponent<T> page, string label) where T : IComponent =>
        page.Find($"#{LabelOf(page, label).GetAttribute("for")}");

    /// <summary>The message shown under the box a label names, or "" when there is none.</summary>
    protected static string MessageUnder<T>(IRenderedComponent<T> page, string label) where T : IComponent =>
        LabelOf(page, label).Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error") is { } helper
            ? (helper.QuerySelector(".me-auto") ?? helper).TextContent.Trim() // Beside a character counter, if the box has one.
            : "";

    protected static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> page, string name) where T : IComponent =>
        page.FindAll("button").Single(b => b.TextContent.Trim().StartsWith(name, StringComparison.Ordinal));

    /// <summary>The grid's data rows, as text per row.</summary>
    protected static IReadOnlyList<string> Rows<T>(IRenderedComponent<T> page, string grid) where T : IComponent =>
        page.FindAll($"[aria-label='{grid}'] tr.data-row").Select(r => r.TextContent).ToList();

    /// <summary>The grid's pager caption, e.g. "1–20 of 31 orders".</summary>
    protected static string Caption<T>(IRenderedComponent<T> page, string grid) where T : IComponent =>
        page.Find($"[aria-label='{grid}'] .mud-table-pagination-caption").TextContent.Trim();

    private static AngleSharp.Dom.IElement LabelOf<T>(IRenderedComponent<T> page, string label) where T : IComponent =>
        page.FindAll("label").Single(l => l.TextContent.Trim().StartsWith(label, StringComparison.Ordinal));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
