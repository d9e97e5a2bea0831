using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace ECommerce.UI.Tests.Security;

[Collection(DevelopmentStorefrontCollection.Name)]
public sealed class RegisterTests(DevelopmentStorefront shop)
{
    [Fact]
    public async Task Registering_a_taken_email_says_so_in_one_line()
    {
        using var client = shop.CreateBrowser();

        using var response = await AccountForms.PostAsync(client, "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "shopper@example.com",
            ["Input.Password"] = "Another123!",
            ["Input.ConfirmPassword"] = "Another123!",
        });

        // Read as text, not by markup: the page's look may change, the message may not repeat.
        var text = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Single(Regex.Matches(text, "An account with the email shopper@example.com already exists: sign in instead."));
        Assert.Empty(Regex.Matches(text, "is already taken"));
    }
}
