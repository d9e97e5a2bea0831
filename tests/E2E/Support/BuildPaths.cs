using System.Reflection;

namespace ECommerce.E2E.Support;

/// <summary>Paths the build wrote into this assembly.</summary>
internal static class BuildPaths
{
    public static string StorefrontOutput => Get("StorefrontOutput");

    public static string ScreenshotFolder => Get("ScreenshotFolder");

    private static string Get(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
