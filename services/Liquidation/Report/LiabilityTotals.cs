using MissionOps.Liquidation.Residual;
using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Report;

/// <summary>Residual liabilities by kind, open or settled on the report's day, with their estimated costs per currency.</summary>
public static class LiabilityTotals
{
    public static IEnumerable<V1.LiabilityFigures> Of(IEnumerable<Liability> liabilities, DateOnly day) =>
        liabilities.GroupBy(l => l.Kind).OrderBy(g => g.Key).Select(g =>
        {
            var settled = g.Where(l => l.SettledDate <= day).ToList();
            var open = g.Except(settled).ToList();
            return new V1.LiabilityFigures
            {
                Kind = g.Key,
                OpenCount = open.Count,
                SettledCount = settled.Count,
                OpenEstimatedCost = { Estimated(open) },
                SettledEstimatedCost = { Estimated(settled) },
                OpenWithoutEstimate = open.Count(l => l.Currency is null),
            };
        });

    private static IEnumerable<Common.V1.Money> Estimated(IEnumerable<Liability> liabilities) =>
        MoneyByCurrency.Sum(liabilities.Where(l => l.Currency is not null), l => l.Currency!, l => l.EstimatedCost ?? 0);
}
