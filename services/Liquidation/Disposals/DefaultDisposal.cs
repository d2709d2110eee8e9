using MissionOps.Liquidation.Assets;
using AssetCategory = MissionOps.Liquidation.V1.AssetCategory;
using ContingentDecision = MissionOps.Liquidation.V1.ContingentDecision;
using DisposalGroup = MissionOps.Liquidation.V1.DisposalGroup;
using DisposalMethod = MissionOps.Liquidation.V1.DisposalMethod;
using Ownership = MissionOps.Liquidation.V1.Ownership;

namespace MissionOps.Liquidation.Disposals;

/// <summary>
/// The disposal a closed site opens for each asset left registered there: the premises and
/// installed buildings go to the host government (group V), contingent-owned equipment follows
/// its country's decision, everything else is redeployed (group I) until someone decides otherwise.
/// </summary>
public static class DefaultDisposal
{
    /// <summary>The group and method, or null when nothing may be opened yet (a country has not decided).</summary>
    public static (DisposalGroup Group, DisposalMethod Method)? For(Asset asset) => asset switch
    {
        { Ownership: Ownership.ContingentOwned, ContingentDecision: ContingentDecision.Unspecified } => null,
        { Ownership: Ownership.ContingentOwned, ContingentDecision: ContingentDecision.Repatriate } => (DisposalGroup.I, DisposalMethod.RepatriationToContributor),
        { Ownership: Ownership.ContingentOwned, ContingentDecision: ContingentDecision.Gift } => (DisposalGroup.V, DisposalMethod.GiftToHostGovernment),
        { Ownership: Ownership.ContingentOwned, ContingentDecision: ContingentDecision.Sell } => (DisposalGroup.Iv, DisposalMethod.CommercialSale),
        { Category: AssetCategory.PrefabricatedBuilding, IsControlled: false } => (DisposalGroup.V, DisposalMethod.GiftToHostGovernment),
        _ => (DisposalGroup.I, DisposalMethod.TransferToMission),
    };
}
