namespace ECommerce.Domain.Live;

/// <summary>
/// One flush of <see cref="LiveFigures"/>: the figures that changed since the last one, read once for every open page.
/// </summary>
/// <param name="Stock">The stock now of each product whose stock changed.</param>
/// <param name="CouponsLeft">The coupons left now of each campaign that issued one.</param>
/// <param name="CatalogChanged">A product was added, renamed or re-priced.</param>
/// <param name="OrdersChanged">An order was placed, paid, cancelled or expired.</param>
public sealed record FigureUpdate(
    IReadOnlyDictionary<int, int> Stock,
    IReadOnlyDictionary<int, int> CouponsLeft,
    bool CatalogChanged,
    bool OrdersChanged);
