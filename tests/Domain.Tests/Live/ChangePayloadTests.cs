using ECommerce.Domain.Live;
using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Live;

/// <summary>The NOTIFY payload between instances: small, read back exactly, and never over PostgreSQL's limit.</summary>
[Trait(TestStore.Trait, TestStore.NoDatabase)]
public sealed class ChangePayloadTests
{
    [Fact]
    public void A_unit_s_changes_read_back_from_one_small_payload()
    {
        var changes = new ShopChanges { Orders = true };
        changes.Products.UnionWith([12, 15]);
        changes.Campaigns.Add(3);

        var payload = Assert.Single(changes.ToPayloads());
        var read = ShopChanges.Parse(payload);

        Assert.Equal("stock:12,15;coupons:3;orders", payload);
        Assert.Equal([12, 15], read.Products.Order());
        Assert.Equal([3], read.Campaigns);
        Assert.True(read.Orders);
        Assert.False(read.Catalog);
    }

    [Fact]
    public void Many_keys_go_in_several_payloads_each_under_PostgreSQL_s_limit()
    {
        var changes = new ShopChanges { Catalog = true };
        changes.Products.UnionWith(Enumerable.Range(1_000_000_000, 3_000));

        var payloads = changes.ToPayloads().ToList();
        var read = new ShopChanges();
        payloads.ForEach(p => read.Add(ShopChanges.Parse(p)));

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(p.Length < 8_000, $"{p.Length} characters"));
        Assert.Equal(3_000, read.Products.Count);
        Assert.True(read.Catalog);
    }

    [Theory]
    [InlineData("")]
    [InlineData("stock:")]
    [InlineData("stock:x,-1,99999999999;unknown:4;coupons")]
    public void A_malformed_payload_reads_as_no_change(string payload) =>
        Assert.True(ShopChanges.Parse(payload).IsEmpty);

    [Fact]
    public void Nothing_changed_sends_nothing() => Assert.Empty(new ShopChanges().ToPayloads());
}
