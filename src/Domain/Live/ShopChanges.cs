using System.Globalization;
using System.Text;

namespace ECommerce.Domain.Live;

/// <summary>
/// What one unit of work changed, as keys only (never the new values: a subscriber reads those once per flush,
/// see <see cref="LiveFigures"/>). Filled while the unit saves (<see cref="ShopDbContext"/> notes its tracked
/// products, campaigns and orders; a hand-written write notes its rows itself), published after its commit.
/// </summary>
public sealed class ShopChanges
{
    public HashSet<int> Products { get; } = [];

    public HashSet<int> Campaigns { get; } = [];

    /// <summary>A product was added, renamed or re-priced: what the catalog lists changed.</summary>
    public bool Catalog { get; set; }

    /// <summary>An order was placed, paid, cancelled or expired.</summary>
    public bool Orders { get; set; }

    /// <summary>
    /// Any product's stock and any campaign's coupons left may have changed, not only <see cref="Products"/> and
    /// <see cref="Campaigns"/>: this instance stopped hearing the others for a while (see <see cref="Anything"/>). Never sent to another
    /// instance: each one that missed NOTIFYs publishes it to itself.
    /// </summary>
    public bool AllFigures { get; private set; }

    public bool IsEmpty => Products.Count == 0 && Campaigns.Count == 0 && !Catalog && !Orders && !AllFigures;

    /// <summary>
    /// Everything open pages show may have changed: all products, all campaigns, the catalog, the orders. What an
    /// instance publishes after it listens again, since the NOTIFYs sent while it was away are gone.
    /// </summary>
    public static ShopChanges Anything() => new() { AllFigures = true, Catalog = true, Orders = true };

    public void Add(ShopChanges other)
    {
        Products.UnionWith(other.Products);
        Campaigns.UnionWith(other.Campaigns);
        Catalog |= other.Catalog;
        Orders |= other.Orders;
        AllFigures |= other.AllFigures;
    }

    /// <summary>
    /// The changes as NOTIFY payloads, like <c>stock:12,15;coupons:3;orders</c>. PostgreSQL refuses a payload of
    /// 8,000 bytes or more, so a long list of keys goes in several (500 keys of at most 11 characters each fit).
    /// </summary>
    public IEnumerable<string> ToPayloads()
    {
        const int maxLength = 7_000;
        IEnumerable<string> Sections(string name, HashSet<int> keys) =>
            keys.Chunk(500).Select(chunk => $"{name}:{string.Join(',', chunk.Select(k => k.ToString(CultureInfo.InvariantCulture)))}");

        var sections = Sections("stock", Products).Concat(Sections("coupons", Campaigns))
            .Concat(Catalog ? ["catalog"] : []).Concat(Orders ? ["orders"] : []);
        var payload = new StringBuilder();
        foreach (var section in sections)
        {
            if (payload.Length > 0 && payload.Length + 1 + section.Length > maxLength)
            {
                yield return payload.ToString();
                payload.Clear();
            }

            payload.Append(payload.Length == 0 ? section : ";" + section);
        }

        if (payload.Length > 0)
        {
            yield return payload.ToString();
        }
    }

    /// <summary>Reads a payload back; an unknown or malformed part is skipped, never thrown on (it came over the wire).</summary>
    public static ShopChanges Parse(string payload)
    {
        var changes = new ShopChanges();
        foreach (var part in payload.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, list) = part.IndexOf(':') is var colon and >= 0 ? (part[..colon], part[(colon + 1)..]) : (part, "");
            var keys = name switch
            {
                "stock" => changes.Products,
                "coupons" => changes.Campaigns,
                _ => null,
            };
            changes.Catalog |= name == "catalog";
            changes.Orders |= name == "orders";
            foreach (var key in list.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (keys is not null && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    keys.Add(id);
                }
            }
        }

        return changes;
    }
}
