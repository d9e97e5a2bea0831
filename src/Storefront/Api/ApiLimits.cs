namespace ECommerce.Storefront.Api;

public static class ApiLimits
{
    /// <summary>The largest request body: the biggest legitimate one, an order of many lines, is a few kilobytes.</summary>
    public const long MaxBodyBytes = 64 * 1024;
}
