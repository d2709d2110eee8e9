using MissionOps.ServiceDefaults.Errors;

namespace MissionOps.ServiceDefaults.Contracts;

/// <summary>
/// Sums of amounts in minor units, added in 128 bits so that no sum of stored amounts can overflow
/// on the way; a total the answer's int64 cannot carry is refused naming its currency
/// (<see cref="TotalOutOfRangeException"/>), never wrapped or thrown as an overflow.
/// </summary>
public static class MoneyTotal
{
    public static long Of(string currency, IEnumerable<long> amounts) => Fitted(currency, Exact(amounts));

    public static long Of<T>(string currency, IEnumerable<T> items, Func<T, long> amount) => Of(currency, items.Select(amount));

    /// <summary><paramref name="minuend"/> less <paramref name="subtrahend"/>, such as a gain or loss.</summary>
    public static long Difference(string currency, long minuend, long subtrahend) => Fitted(currency, (Int128)minuend - subtrahend);

    /// <summary>For a gauge, which cannot refuse: the total, or the nearest int64 when it cannot carry it.</summary>
    public static long Saturated(IEnumerable<long> amounts) => (long)Int128.Clamp(Exact(amounts), long.MinValue, long.MaxValue);

    private static Int128 Exact(IEnumerable<long> amounts)
    {
        Int128 total = 0;
        foreach (var amount in amounts)
        {
            total += amount;
        }

        return total;
    }

    private static long Fitted(string currency, Int128 total) =>
        total >= long.MinValue && total <= long.MaxValue ? (long)total : throw new TotalOutOfRangeException(currency, total.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
