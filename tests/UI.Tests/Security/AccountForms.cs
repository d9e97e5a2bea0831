using AngleSharp.Html.Parser;

namespace ECommerce.UI.Tests.Security;

/// <summary>Fills and posts the account pages' real forms, hidden fields (antiforgery, handler) included.</summary>
internal static class AccountForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, IDictionary<string, string> fields)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative)));
        var form = page.QuerySelector("form[method=post]") ?? throw new InvalidOperationException($"{pageUrl} has no form.");
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(pageUrl, UriKind.Relative), content);
    }

    /// <summary>The antiforgery token any page's sign-out form carries, for posting /Account/Logout by hand.</summary>
    public static async Task<string> SignOutTokenAsync(HttpClient client)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        return page.QuerySelector("form[action='Account/Logout'] input[name=__RequestVerificationToken]")?.GetAttribute("value")
               ?? throw new InvalidOperationException("The home page shows no sign-out form: is the client signed in?");
    }
}
