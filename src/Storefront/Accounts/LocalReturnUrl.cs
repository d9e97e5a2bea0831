namespace ECommerce.Storefront.Accounts;

/// <summary>
/// Where to go back to after signing in, registering or signing out: a page of this shop, never another site.
/// A return address arrives in a link or a form anyone can craft, so whatever is not plainly a local path
/// (an absolute URL, "//host", "/\host", "javascript:…", control characters) falls back to the home page.
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    /// <summary>
    /// The path to redirect to, always starting with a single "/". A base-relative path ("wallet", as the
    /// shop's own sign-in links carry it) is made root-relative.
    /// </summary>
    public static string From(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048)
        {
            return Home;
        }

        var path = returnUrl.StartsWith("~/", StringComparison.Ordinal) ? returnUrl[1..] : returnUrl;
        if (!path.StartsWith('/'))
        {
            if (HasScheme(path))
            {
                return Home;
            }

            path = "/" + path;
        }

        var safe = !path.StartsWith("//", StringComparison.Ordinal)
                   && !path.Contains('\\', StringComparison.Ordinal)
                   && !path.Any(char.IsControl)
                   && Uri.IsWellFormedUriString(path, UriKind.Relative);
        return safe ? path : Home;
    }

    /// <summary>"javascript:…", "http:…", "data:…": a colon before the first "/", "?" or "#".</summary>
    private static bool HasScheme(string path)
    {
        var end = path.IndexOfAny(['/', '?', '#']);
        return (end < 0 ? path : path[..end]).Contains(':', StringComparison.Ordinal);
    }
}
