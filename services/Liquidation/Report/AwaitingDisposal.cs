using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Report;

/// <summary>The assets of either ownership not disposed of on the report's day, each named.</summary>
public static class AwaitingDisposal
{
    public static V1.AssetsAwaitingDisposal Of(IReadOnlyCollection<AssetOnDay> awaiting) => new()
    {
        AssetCount = awaiting.Count,
        DepreciatedValue = { MoneyByCurrency.Sum(awaiting, a => a.Asset.Currency, a => a.Asset.DepreciatedValue) },
        Assets =
        {
            awaiting.Select(a => new V1.AwaitingAsset
            {
                Asset = a.Asset.Name,
                Description = a.Asset.Description.ToProto(),
                Ownership = a.Asset.Ownership,
                Category = a.Asset.Category,
                Site = a.Asset.Site,
                DepreciatedValue = Mapping.Money(a.Asset.Currency, a.Asset.DepreciatedValue),
                DisposalCase = a.Case?.Name ?? string.Empty,
                Group = a.Case?.Group ?? V1.DisposalGroup.Unspecified,
                Method = a.Case?.Method ?? V1.DisposalMethod.Unspecified,
            }),
        },
    };
}
