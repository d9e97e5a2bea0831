using System.Runtime.CompilerServices;

namespace ECommerce.Domain.Diagnostics;

/// <summary>
/// A count per value of an int-based enum, incremented without a lock. A ConcurrentDictionary's AddOrUpdate locks the
/// key's bucket, and a claim rush refuses thousands of claims a second for the one same reason: that lock was
/// contended in the rush's profile (docs/performance.md, "API load").
/// </summary>
internal sealed class EnumTally<TEnum> where TEnum : struct, Enum
{
    private readonly long[] _counts = new long[Enum.GetValues<TEnum>().Max(Index) + 1];

    public void Increment(TEnum value) => Interlocked.Increment(ref _counts[Index(value)]);

    /// <summary>The values counted at least once, with their counts.</summary>
    public Dictionary<TEnum, long> Read()
    {
        var read = new Dictionary<TEnum, long>();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (Interlocked.Read(ref _counts[Index(value)]) is > 0 and var count)
            {
                read[value] = count;
            }
        }

        return read;
    }

    private static int Index(TEnum value) => Enum.GetUnderlyingType(typeof(TEnum)) == typeof(int)
        ? Unsafe.As<TEnum, int>(ref value)
        : throw new InvalidOperationException($"{typeof(TEnum).Name} is not an int enum.");
}
