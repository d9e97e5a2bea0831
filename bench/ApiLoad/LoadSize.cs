namespace ECommerce.ApiLoad;

/// <summary>
/// How big each scenario is: the figures, or the quick run CI uses (under a minute in all).
/// Shoppers are numbered; each scenario takes its own range so that one's wallets never meet another's.
/// </summary>
internal sealed record LoadSize(
    int Shoppers, int ClaimCoupons, int ClaimConnections,
    int LastUnitsPayers, int LastUnitsStock,
    int FlowShoppers, int FlowRounds,
    int CatalogProducts, int ReadConnections, TimeSpan ReadDuration, TimeSpan FloorDuration, TimeSpan WarmUpLimit)
{
    public static readonly LoadSize Full = new(10_000, 1_000, 256, 5_000, 100, 1_000, 5, 20_000, 64,
        TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));

    public static readonly LoadSize Quick = new(400, 40, 32, 200, 10, 50, 2, 1_000, 16,
        TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

    /// <summary>last-units pays from shoppers 0.., order-flow from the next range, small-box from the one after.</summary>
    public ShopperRange LastUnitsRange => new(0, LastUnitsPayers);

    public ShopperRange FlowRange => new(LastUnitsPayers, LastUnitsPayers + FlowShoppers);

    public ShopperRange SmallBoxRange => new(LastUnitsPayers + FlowShoppers, LastUnitsPayers + 2 * FlowShoppers);
}
