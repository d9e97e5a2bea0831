namespace ECommerce.Api.Tests.Support;

public static class DemoLogins
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Admin123!";
    public const string ShopperEmail = "shopper@example.com";
    public const string ShopperPassword = "Shopper123!";
    public const string NewShopperPassword = "Shopper123!";
}
