using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Disposals;

namespace MissionOps.Liquidation.Report;

/// <summary>An asset and its disposal case as they stood on the report's day.</summary>
public sealed record AssetOnDay(Asset Asset, DisposalCase? Case, DateOnly Day)
{
    /// <summary>The record's date decides, not the asset's state: a disposal recorded later is not counted on an earlier day.</summary>
    public bool Disposed => Case?.Record is { } record && record.DisposalDate <= Day;

    public static IReadOnlyList<AssetOnDay> Of(IEnumerable<Asset> assets, IEnumerable<DisposalCase> cases, DateOnly day)
    {
        var caseOf = cases.ToDictionary(c => c.AssetId);
        return assets.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => new AssetOnDay(a, caseOf.GetValueOrDefault(a.Id), day)).ToList();
    }
}
