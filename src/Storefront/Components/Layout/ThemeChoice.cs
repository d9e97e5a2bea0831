namespace ECommerce.Storefront.Components.Layout;

/// <summary>
/// The circuit's light or dark choice, which the header's switch shows and changes. Kept out of the layout's own state
/// so a switch re-renders the switch alone and not the layout, and with it every component of the page.
/// </summary>
public sealed class ThemeChoice
{
    public bool DarkMode { get; private set; }

    public void Switch() => DarkMode = !DarkMode;
}
