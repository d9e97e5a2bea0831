namespace ECommerce.UI.Tests.Support;

/// <summary>Page-level tests share one seeded storefront (seeding takes seconds); each test makes its own shoppers.</summary>
[CollectionDefinition(Name)]
public sealed class StorefrontCollection : ICollectionFixture<StorefrontFactory>
{
    public const string Name = "storefront";
}
