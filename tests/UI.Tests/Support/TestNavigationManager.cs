using Microsoft.AspNetCore.Components;

namespace ECommerce.UI.Tests.Support;

/// <summary>Lets components that link or navigate render outside a real app; navigations are only recorded.</summary>
internal sealed class TestNavigationManager : NavigationManager
{
    public TestNavigationManager() => Initialize("http://shop.test/", "http://shop.test/");

    public List<string> Visited { get; } = [];

    protected override void NavigateToCore(string uri, NavigationOptions options) => Visited.Add(uri);
}
