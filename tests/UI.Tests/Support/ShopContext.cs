using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Bunit.TestDoubles;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Components.Layout;
using ECommerce.Storefront.ShoppingCart;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MudBlazor.Services;

namespace ECommerce.UI.Tests.Support;

/// <summary>
/// A bunit context over the real shop: the storefront's domain services on its seeded SQLite file (from
/// <see cref="StorefrontFactory"/>), MudBlazor's services and providers (dialogs and snackbars render into
/// <see cref="Overlays"/>), and a sign-in that a test sets. Nothing of the domain is mocked.
/// </summary>
public abstract class ShopContext : BunitContext, IAsyncLifetime
{
    private IRenderedComponent<ContainerFragment>? _overlays;

    protected ShopContext(StorefrontFactory shop)
    {
        Shop = shop;
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The pages read a real SQLite file: on a loaded two-core machine a read can outlast bunit's one second of
        // waiting. A longer wait changes no assertion: each must still come true.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Auth = AddAuthorization();
        // The header's figures come from the shop, for the shopper this context signs in.
        Services.AddScoped(sp => new ShopperStatus(
            shop.Get<CartService>(), shop.Get<WalletService>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        Services.AddFallbackServiceProvider(shop.Services);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected StorefrontFactory Shop { get; }

    protected BunitAuthorizationContext Auth { get; }

    /// <summary>MudBlazor's popover, dialog and snackbar providers: where a dialog or a snackbar shows.</summary>
    protected IRenderedComponent<ContainerFragment> Overlays => _overlays ??= Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<MudDialogProvider>(1);
        builder.CloseComponent();
        builder.OpenComponent<MudSnackbarProvider>(2);
        builder.CloseComponent();
    });

    protected BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    /// <summary>A new shopper of the shop, signed in here.</summary>
    protected async Task<string> SignInNewShopperAsync()
    {
        var (email, shopperId) = await Shop.NewShopperAsync();
        Auth.SetAuthorized(email);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, shopperId));
        return shopperId;
    }

    /// <summary>Renders the component under MudBlazor's providers, as the layout would.</summary>
    protected IRenderedComponent<TComponent> RenderInShop<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        _ = Overlays;
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>The texts of the snackbars showing now.</summary>
    protected IReadOnlyList<string> Snackbars() =>
        [.. Overlays.FindAll(".mud-snackbar .mud-snackbar-content-message").Select(m => m.TextContent.Trim())];

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's providers dispose asynchronously; xunit 2 must await it.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
