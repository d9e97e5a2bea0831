namespace ECommerce.UI.Tests.Admin;

[CollectionDefinition(Name)]
public sealed class AdminShopCollection : ICollectionFixture<AdminShop>
{
    public const string Name = "admin shop";
}
