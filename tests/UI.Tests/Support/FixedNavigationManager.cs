using Microsoft.AspNetCore.Components;

namespace ECommerce.UI.Tests.Support;

/// <summary>Components that link or show tooltips ask where they are; in these tests they are always at the site's root.</summary>
internal sealed class FixedNavigationManager : NavigationManager
{
    public FixedNavigationManager() => Initialize("http://localhost/", "http://localhost/");
}
