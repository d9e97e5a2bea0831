namespace ECommerce.Api.Tests.Support;

/// <summary>One shop for the test classes that share it: each test signs up its own shoppers, so none sees another's state.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
