using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace ECommerce.Storefront.Hosting;

/// <summary>
/// Serves Blazor's client script, embedded in this assembly at build time from the ASP.NET Core runtime
/// pack (Build/BlazorWebScript.targets), because the package that normally carries it is not available.
/// </summary>
public static class BlazorWebScript
{
    public const string Path = "/_framework/blazor.web.js";
    private const string ResourceName = "blazor.web.js";

    public static IEndpointConventionBuilder MapBlazorWebScript(this IEndpointRouteBuilder endpoints)
    {
        var script = Load();
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(script))[..32]}\"");
        return endpoints.MapGet(Path, () => Results.Bytes(script, "text/javascript", entityTag: tag));
    }

    private static byte[] Load()
    {
        using var stream = typeof(BlazorWebScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly lacks the embedded {ResourceName}; rebuild the Storefront project.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
