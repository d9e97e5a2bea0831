namespace ECommerce.Storefront.Accounts;

public static class ShopRoles
{
    public const string Admin = "Admin";
}
