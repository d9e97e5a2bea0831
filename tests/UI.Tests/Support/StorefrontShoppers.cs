using AngleSharp.Html.Parser;
using ECommerce.Domain.Catalog;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ECommerce.UI.Tests.Support;

/// <summary>What page-level tests arrange in the running storefront: new shoppers, signed-in browsers, products of their own.</summary>
public static class StorefrontShoppers
{
    public const string Password = "Tester123!";

    public static T Get<T>(this StorefrontFactory factory) where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>Registers a new account; returns its email and shopper id.</summary>
    public static async Task<(string Email, string ShopperId)> NewShopperAsync(this StorefrontFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = $"ui-{Guid.NewGuid():N}@example.com";
        var user = new IdentityUser { UserName = email, Email = email };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        return (email, user.Id);
    }

    /// <summary>An HTTP client signed in through the real sign-in form (cookie kept), for pages that need a shopper.</summary>
    public static Task<HttpClient> SignedInClientAsync(this StorefrontFactory factory, string email) =>
        SignedInClient.CreateAsync(factory, email, Password);

    /// <summary>A product of the test's own, so stock changes by other tests cannot disturb it.</summary>
    public static async Task<ProductDetail> NewProductAsync(this StorefrontFactory factory, long price = 10_000, int stock = 10, string? name = null)
    {
        var category = (await factory.Get<CatalogService>().GetCategoriesAsync())[0];
        var added = await factory.Get<InventoryService>().AddProductAsync(
            new NewProduct(category.Id, name ?? $"Test item {Guid.NewGuid():N}"[..20], "Made for one test.", price, stock), "ui tests");
        return added.Value ?? throw new InvalidOperationException(added.ToString());
    }

    /// <summary>A page that must answer 404 with the shop's friendly page.</summary>
    public static async Task<IDocument> GetNotFoundPageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Not found", page.QuerySelector("h1")!.TextContent);
        return page;
    }

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
