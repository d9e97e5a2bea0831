using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ECommerce.UI.Tests.Hosting;

/// <summary>
/// Two instances of the shop (each its own host and service provider) on one database share the Data Protection keys
/// kept there: what one signs, the other accepts. An instance on another database has other keys and refuses it.
/// </summary>
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private const string IdentityCookie = ".AspNetCore.Identity.Application";
    private readonly string _folder = Directory.CreateTempSubdirectory("storefront-keys-").FullName;
    private readonly Dictionary<string, StorefrontFactory> _shops = [];

    private StorefrontFactory First => Instance("first", _folder);
    private StorefrontFactory Second => Instance("second", _folder);
    private StorefrontFactory Elsewhere => Instance("elsewhere", null);

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Each instance starts when the test first uses it; the first one on the folder makes the database.</summary>
    private StorefrontFactory Instance(string name, string? folder) =>
        _shops.TryGetValue(name, out var shop) ? shop : _shops[name] = new StorefrontFactory(folder);

    [Fact]
    public async Task A_sign_in_cookie_made_by_one_instance_is_honoured_by_another_on_the_same_database_only()
    {
        var cookie = await SignInAsync(First, SignedInClient.ShopperEmail, SignedInClient.ShopperPassword);

        Assert.Equal(HttpStatusCode.OK, await OrdersPageStatusAsync(First, cookie));
        Assert.Equal(HttpStatusCode.OK, await OrdersPageStatusAsync(Second, cookie));
        Assert.Equal(HttpStatusCode.Redirect, await OrdersPageStatusAsync(Elsewhere, cookie));
    }

    [Fact]
    public async Task An_antiforgery_token_made_by_one_instance_is_accepted_by_another_on_the_same_database_only()
    {
        var (antiforgeryCookie, fields) = await LoginFormAsync(First);

        using var accepted = await PostLoginAsync(Second, antiforgeryCookie, fields);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains(accepted.Headers.GetValues("Set-Cookie"), c => c.StartsWith(IdentityCookie + "=", StringComparison.Ordinal));

        using var refused = await PostLoginAsync(Elsewhere, antiforgeryCookie, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(IdentityCookie + "=", StringComparison.Ordinal)));
    }

    private static async Task<string> SignInAsync(StorefrontFactory shop, string email, string password)
    {
        var (antiforgeryCookie, fields) = await LoginFormAsync(shop);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await PostLoginAsync(shop, antiforgeryCookie, fields);
        var signIn = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(IdentityCookie + "=", StringComparison.Ordinal));
        return signIn.Split(';')[0];
    }

    /// <summary>The login form's hidden fields (with the antiforgery token) and the antiforgery cookie that goes with them.</summary>
    private static async Task<(string Cookie, Dictionary<string, string> Fields)> LoginFormAsync(StorefrontFactory shop)
    {
        using var client = BareClient(shop);
        using var page = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        var form = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("form[method=post]")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.Email"] = SignedInClient.ShopperEmail;
        fields["Input.Password"] = SignedInClient.ShopperPassword;
        return (cookie, fields);
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(StorefrontFactory shop, string cookie, Dictionary<string, string> fields)
    {
        using var client = BareClient(shop);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/Login", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<HttpStatusCode> OrdersPageStatusAsync(StorefrontFactory shop, string cookie)
    {
        using var client = BareClient(shop);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/orders", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>No cookie jar: each request carries exactly the cookie the test gives it.</summary>
    private static HttpClient BareClient(StorefrontFactory shop) =>
        shop.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async Task DisposeAsync()
    {
        foreach (var shop in _shops.Values)
        {
            await shop.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
