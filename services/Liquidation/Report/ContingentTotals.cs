using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Report;

/// <summary>Contingent-owned equipment by contributing country and decision: the country's, so apart from the UN's disposals.</summary>
public static class ContingentTotals
{
    public static IEnumerable<V1.ContingentEquipment> Of(IEnumerable<AssetOnDay> contingent) =>
        contingent.GroupBy(c => (Country: c.Asset.OwnerCountryCode ?? string.Empty, c.Asset.ContingentDecision))
            .OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.ContingentDecision)
            .Select(g => new V1.ContingentEquipment
            {
                OwnerCountryCode = g.Key.Country,
                Decision = g.Key.ContingentDecision,
                AssetCount = g.Count(),
                DisposedCount = g.Count(c => c.Disposed),
                DepreciatedValue = { MoneyByCurrency.Sum(g, c => c.Asset.Currency, c => c.Asset.DepreciatedValue) },
            });
}
