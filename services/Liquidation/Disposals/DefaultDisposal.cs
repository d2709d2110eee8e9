using MissionOps.Liquidation.Assets;
using DisposalGroup = MissionOps.Liquidation.V1.DisposalGroup;
using DisposalMethod = MissionOps.Liquidation.V1.DisposalMethod;
using Ownership = MissionOps.Liquidation.V1.Ownership;

namespace MissionOps.Liquidation.Disposals;

/// <summary>
/// The disposal a closed site opens for each asset left registered there: installed assets go to
/// the host government for compensation (group V), contingent-owned equipment follows its
/// country's decision outside the groups, everything else is redeployed (group I) until someone
/// decides otherwise.
/// </summary>
public static class DefaultDisposal
{
    /// <summary>The group and method, or null when nothing may be opened yet (a country has not decided).</summary>
    public static (DisposalGroup Group, DisposalMethod Method)? For(Asset asset) => asset switch
    {
        { Ownership: Ownership.ContingentOwned } => DisposalRules.MethodFor(asset.ContingentDecision) is { } method
            ? (DisposalGroup.Unspecified, method)
            : null,
        { IsInstalled: true, IsControlled: false } => (DisposalGroup.V, DisposalMethod.HandoverToHostGovernment),
        _ => (DisposalGroup.I, DisposalMethod.TransferToMission),
    };
}
