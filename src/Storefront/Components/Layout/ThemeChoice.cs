namespace ECommerce.Storefront.Components.Layout;

/// <summary>
/// The circuit's light or dark choice, shared by the header's switch and the theme provider only. Kept out of the
/// layout's own state so a switch re-renders those two and not the layout, and with it every component of the page.
/// </summary>
public sealed class ThemeChoice
{
    public bool DarkMode { get; private set; }

    /// <summary>Raised after a switch, for the theme provider to write the other palette.</summary>
    public event Action? Changed;

    public void Switch()
    {
        DarkMode = !DarkMode;
        Changed?.Invoke();
    }
}
