using ECommerce.Domain.Tests.Support;

namespace ECommerce.Domain.Tests.Diagnostics;

/// <summary>The refusal tallies the operations page reads: counted from many threads at once, none lost.</summary>
[Trait(TestStore.Trait, TestStore.NoDatabase)]
public sealed class EnumTallyTests
{
    [Fact]
    public async Task Counts_from_many_threads_are_all_kept_and_only_counted_values_are_read()
    {
        var tally = new EnumTally<ErrorCode>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                tally.Increment(ErrorCode.CouponSoldOut);
            }

            tally.Increment(ErrorCode.StockChanged);
        })));

        var read = tally.Read();
        Assert.Equal(2, read.Count);
        Assert.Equal(80_000, read[ErrorCode.CouponSoldOut]);
        Assert.Equal(8, read[ErrorCode.StockChanged]);
    }

    [Fact]
    public void Nothing_counted_reads_empty()
    {
        Assert.Empty(new EnumTally<ShopAction>().Read());
    }
}
