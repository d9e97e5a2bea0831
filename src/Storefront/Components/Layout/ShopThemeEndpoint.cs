using Microsoft.Net.Http.Headers;

namespace ECommerce.Storefront.Components.Layout;

public static class ShopThemeEndpoint
{
    public static IEndpointRouteBuilder MapShopThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ShopThemeStylesheet.Path, async (ShopThemeStylesheet theme, HttpContext context) =>
        {
            // Versioned by its address (ShopThemeStylesheet.Href): a year, never revalidated.
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Text(await theme.GetCssAsync(), "text/css");
        });
        return endpoints;
    }
}
