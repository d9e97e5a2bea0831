using System.Security.Claims;
using Bunit;
using ECommerce.Domain.Wallets;
using ECommerce.Storefront.Accounts;
using ECommerce.Storefront.Components.Layout;
using ECommerce.Storefront.Components.Pages;
using ECommerce.Storefront.ShoppingCart;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ECommerce.UI.Tests.Shopper;

/// <summary>The frame around every page: app bar, drawer, theme toggle, the reconnect dialog and the not-found page.</summary>
[Collection(StorefrontCollection.Name)]
public sealed class LayoutTests(StorefrontFactory shop) : ShopContext(shop)
{
    private IRenderedComponent<MainLayout> Layout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<h1>The page</h1>"))));

    [Fact]
    public void A_visitor_sees_the_shop_sections_sign_in_and_register()
    {
        var layout = Layout();

        Assert.Equal("The page", layout.Find("main h1").TextContent);
        Assert.Equal(["Home", "Catalog", "Coupons"], layout.FindAll(".shop-nav a").Select(a => a.TextContent.Trim()));
        Assert.True(layout.HasButton("Sign in"));
        Assert.True(layout.HasButton("Register"));
        Assert.Equal("true", layout.Find(".shop").GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task A_signed_in_shopper_sees_balance_cart_units_and_their_own_pages()
    {
        var shopper = await SignInNewShopperAsync();
        var product = await Shop.NewProductAsync();
        await Shop.Get<CartService>().AddAsync(shopper, product.Id, 2);
        await Shop.Get<WalletService>().ChargeAsync(shopper, 15_000, Guid.NewGuid().ToString("N"));

        var layout = Layout();

        layout.WaitForAssertion(() => Assert.Equal("₩15,000", layout.Find("[data-testid=header-balance]").TextContent));
        Assert.Equal("2", layout.Find("[data-testid=cart-count]").TextContent);
        Assert.Equal(["Home", "Catalog", "Coupons", "Cart", "Orders", "Wallet"], layout.FindAll(".shop-nav a").Select(a => a.TextContent.Trim()));
        Assert.True(layout.HasButton("Sign out"));
    }

    [Fact]
    public void An_admin_finds_the_admin_area_in_the_drawer()
    {
        Auth.SetAuthorized("admin@example.com");
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin-id"));
        Auth.SetRoles(ShopRoles.Admin);

        var layout = Layout();

        Assert.Equal("Admin", layout.Find(".shop-nav a[href=admin]").TextContent.Trim());
    }

    [Fact]
    public void The_theme_toggle_switches_between_light_and_dark()
    {
        // shop-theme.css holds both palettes; the dark one applies while the page holds the dark marker, which the
        // switch carries once switched (no theme provider in the circuit writes the palette).
        var dark = $".{ShopThemeStylesheet.DarkMarker}";
        var layout = Layout();
        Assert.Empty(layout.FindAll(dark));
        Assert.DoesNotContain("--mud-palette-", layout.Markup, StringComparison.Ordinal);

        layout.Press("Dark theme");

        Assert.Equal("Light theme", layout.Find(dark).GetAttribute("aria-label"));
        layout.Press("Light theme");
        Assert.Empty(layout.FindAll(dark));
    }

    [Fact]
    public void The_theme_toggle_re_renders_itself_but_not_the_page()
    {
        // Every component of the page is held in the circuit: re-rendering them all made each switch cost a whole page.
        var layout = Layout();
        var drawer = layout.FindComponent<ShopNav>();
        // The header's sign-in part: it renders again whenever the header does (bunit counts a component's children's
        // renders as its own, so the header itself, holding the switch, cannot be the probe).
        var header = layout.FindComponent<AuthorizeView>();
        var (drawerRenders, headerRenders) = (drawer.RenderCount, header.RenderCount);

        layout.Press("Dark theme");

        Assert.True(layout.HasButton("Light theme"));
        Assert.Equal(drawerRenders, drawer.RenderCount);
        Assert.Equal(headerRenders, header.RenderCount);
    }

    [Fact]
    public void The_header_renders_once_for_the_layout_and_again_only_for_what_it_shows()
    {
        // The layout renders again at each menu click and followed link (it holds the drawer's state): the header,
        // handed the same theme choice each time, kept a second render tree of itself, its AuthorizeView and the switch
        // in every circuit for nothing, and the drawer's links likewise.
        var layout = Layout();
        var header = layout.FindComponent<AuthorizeView>();
        var links = layout.FindComponent<ShopNav>();
        Assert.Equal(1, header.RenderCount);

        layout.Find(".shop-nav a[href=coupons]").Click();
        Assert.Equal(1, header.RenderCount);
        Assert.Equal(1, links.RenderCount);

        // A new address is what the header shows (the sign-in link carries it back), so it renders for it.
        Services.GetRequiredService<NavigationManager>().NavigateTo("catalog?q=tea");
        layout.WaitForAssertion(() => Assert.Contains(
            Uri.EscapeDataString("catalog?q=tea"), layout.Find("a.sign-in").GetAttribute("href"), StringComparison.Ordinal));
        Assert.True(header.RenderCount > 1);
        layout.WaitForAssertion(() => Assert.Equal("page", layout.Find(".shop-nav a[href=catalog]").GetAttribute("aria-current")));
    }

    [Fact]
    public void The_menu_buttons_turn_the_drawer_from_its_width_s_default_and_say_so()
    {
        // No listener tells the circuit the screen's width: the drawer's markup is the same at every width and app.css
        // opens it beside the page from 960 px and keeps it closed on a phone. The menu turns that default the other way;
        // each width has its own button (app.css shows one), whose aria-expanded is right for that width.
        var layout = Layout();
        var wide = layout.Find(".shop-menu-wide");
        var narrow = layout.Find(".shop-menu-narrow");
        Assert.Equal(("true", "false"), (wide.GetAttribute("aria-expanded"), narrow.GetAttribute("aria-expanded")));
        Assert.Equal(ShopHeader.DrawerId, narrow.GetAttribute("aria-controls"));
        Assert.Equal("nav", layout.Find($"#{ShopHeader.DrawerId} .shop-nav").TagName.ToLowerInvariant());
        Assert.DoesNotContain("shop-menu-toggled", layout.Find(".shop").ClassName, StringComparison.Ordinal);
        Assert.Empty(layout.FindAll(".shop-drawer-overlay"));

        layout.Find(".shop-menu-narrow").Click();
        Assert.Contains("shop-menu-toggled", layout.Find(".shop").ClassName, StringComparison.Ordinal);
        Assert.Equal(("false", "true"), (layout.Find(".shop-menu-wide").GetAttribute("aria-expanded"), layout.Find(".shop-menu-narrow").GetAttribute("aria-expanded")));

        // The overlay over the page on a phone closes it, as does a followed link.
        layout.Find(".shop-drawer-overlay").Click();
        Assert.DoesNotContain("shop-menu-toggled", layout.Find(".shop").ClassName, StringComparison.Ordinal);
        layout.Find(".shop-menu-wide").Click();
        layout.Find(".shop-nav a[href=coupons]").Click();
        Assert.DoesNotContain("shop-menu-toggled", layout.Find(".shop").ClassName, StringComparison.Ordinal);
        Assert.Equal("true", layout.Find(".shop-menu-wide").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void The_reconnect_dialog_is_wired_to_its_script_and_starts_hidden()
    {
        var modal = Render<ReconnectModal>();

        Assert.Equal("components-reconnect-modal", modal.Find("dialog").Id);
        Assert.False(modal.Find("dialog").HasAttribute("open"));
        Assert.NotNull(modal.Find("#components-reconnect-button"));
        Assert.Equal("module", modal.Find("script").GetAttribute("type"));
    }

    [Fact]
    public void The_not_found_page_points_back_to_the_shop()
    {
        var page = Render<NotFound>();

        Assert.Equal("Not found", page.Find("h1").TextContent);
        Assert.Equal(["catalog", "orders"], page.FindAll(".state-empty a").Select(a => a.GetAttribute("href")));
    }
}
