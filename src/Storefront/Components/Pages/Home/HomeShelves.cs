using ECommerce.Domain.Catalog;
using ECommerce.Domain.Coupons;

namespace ECommerce.Storefront.Components.Pages.Home;

/// <summary>Everything the home page shows, read together, and kept from the prerender for the interactive page.</summary>
public sealed record HomeShelves(
    IReadOnlyList<TopSeller> TopSellers, IReadOnlyList<CategoryView> Categories, IReadOnlyList<CampaignView> Campaigns);
