using MudBlazor;

namespace ECommerce.Storefront.Components.Layout;

/// <summary>The shop's look in MudBlazor's terms: its teal and warm orange on a paper background, light and dark.</summary>
public static class ShopTheme
{
    // No font files and no CDN: the reader's own system font, with Korean fallbacks for the won sign and names.
    private static readonly string[] SystemFonts =
        ["system-ui", "-apple-system", "Segoe UI", "Apple SD Gothic Neo", "Noto Sans KR", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f766e",
            PrimaryDarken = "#115e59",
            Secondary = "#c2410c",
            Tertiary = "#14948a",
            AppbarBackground = "#ffffff",
            AppbarText = "#1c2330",
            Background = "#f6f4ef",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1c2330",
            TextSecondary = "#5c6577",
            LinesDefault = "#e6e3dc",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#2dd4bf",
            PrimaryDarken = "#14b8a6",
            Secondary = "#fb923c",
            Tertiary = "#5eead4",
            AppbarBackground = "#161b24",
            AppbarText = "#e7e9ee",
            Background = "#0f131a",
            Surface = "#1b212c",
            DrawerBackground = "#161b24",
            TextPrimary = "#e7e9ee",
            TextSecondary = "#a5adbb",
            LinesDefault = "#2c3442",
            Success = "#4ade80",
            Warning = "#fbbf24",
            Error = "#f87171",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
            Button = new ButtonTypography { FontFamily = SystemFonts, TextTransform = "none", FontWeight = "600" },
            H1 = new H1Typography { FontFamily = SystemFonts, FontSize = "1.75rem", FontWeight = "700", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = SystemFonts, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = SystemFonts, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.3" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "12px" },
    };
}
