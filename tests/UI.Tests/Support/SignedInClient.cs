using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ECommerce.UI.Tests.Support;

/// <summary>Signs in through the real login form (with its antiforgery token), as a browser would.</summary>
public static class SignedInClient
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Admin123!";
    public const string ShopperEmail = "shopper@example.com";
    public const string ShopperPassword = "Shopper123!";

    /// <summary>A client carrying the account's sign-in cookie; it does not follow redirects, so tests see them.</summary>
    public static async Task<HttpClient> CreateAsync(StorefrontFactory factory, string email, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative)))
            .QuerySelector("form[method=post]")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content);
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies) || !cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }
}
