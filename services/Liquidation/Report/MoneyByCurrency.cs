using MissionOps.Common.V1;

namespace MissionOps.Liquidation.Report;

/// <summary>Sums kept apart by currency: an amount in XOF never adds to one in USD. None can overflow (<see cref="MoneyTotal"/>).</summary>
public static class MoneyByCurrency
{
    public static IEnumerable<Money> Sum<T>(IEnumerable<T> items, Func<T, string> currency, Func<T, long> minorUnits) =>
        items.GroupBy(currency)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Mapping.Money(g.Key, MoneyTotal.Of(g.Key, g, minorUnits)));
}
