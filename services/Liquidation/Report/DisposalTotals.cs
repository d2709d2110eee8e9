using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Report;

/// <summary>The disposals of UN-owned assets by the report's day, by group, by method and in all, each per currency.</summary>
public static class DisposalTotals
{
    public static IEnumerable<V1.GroupDisposals> ByGroup(IEnumerable<AssetOnDay> disposed) =>
        disposed.GroupBy(d => d.Case!.Group ?? V1.DisposalGroup.Unspecified).OrderBy(g => g.Key)
            .Select(g => new V1.GroupDisposals { Group = g.Key, Figures = { PerCurrency(g) } });

    public static IEnumerable<V1.MethodDisposals> ByMethod(IEnumerable<AssetOnDay> disposed) =>
        disposed.GroupBy(d => d.Case!.Method).OrderBy(g => g.Key).Select(g => new V1.MethodDisposals { Method = g.Key, Figures = { PerCurrency(g) } });

    public static IEnumerable<V1.DisposalFigures> PerCurrency(IEnumerable<AssetOnDay> disposed) =>
        disposed.GroupBy(d => d.Asset.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var results = g.Select(d => d.Case!.GainOrLoss ?? 0).ToList();
            var gains = MoneyTotal.Of(g.Key, results.Where(r => r > 0));
            var losses = MoneyTotal.Of(g.Key, results.Where(r => r < 0));
            return new V1.DisposalFigures
            {
                CurrencyCode = g.Key,
                AssetCount = g.Count(),
                AcquisitionCost = Mapping.Money(g.Key, MoneyTotal.Of(g.Key, g, d => d.Asset.AcquisitionCost)),
                DepreciatedValue = Mapping.Money(g.Key, MoneyTotal.Of(g.Key, g, d => d.Asset.DepreciatedValue)),
                Proceeds = Mapping.Money(g.Key, MoneyTotal.Of(g.Key, g, d => d.Case!.Record!.Proceeds)),
                Gains = Mapping.Money(g.Key, gains),
                Losses = Mapping.Money(g.Key, losses),
                NetGainOrLoss = Mapping.Money(g.Key, MoneyTotal.Of(g.Key, [gains, losses])),
            };
        });
}
