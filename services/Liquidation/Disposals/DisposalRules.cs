using MissionOps.Liquidation.Assets;
using ContingentDecision = MissionOps.Liquidation.V1.ContingentDecision;
using DisposalGroup = MissionOps.Liquidation.V1.DisposalGroup;
using DisposalMethod = MissionOps.Liquidation.V1.DisposalMethod;
using Ownership = MissionOps.Liquidation.V1.Ownership;

namespace MissionOps.Liquidation.Disposals;

/// <summary>
/// Which disposal fits which asset: UN-owned assets by the groups' methods under Financial
/// Regulation 5.14 and the third-party rule; contingent-owned equipment by its country's decision,
/// outside the groups.
/// </summary>
public static class DisposalRules
{
    public const string ThirdPartyRule = "weapons, ammunition and armoured vehicles are never transferred to a third party";

    private static readonly Dictionary<DisposalGroup, DisposalMethod[]> MethodsOfGroup = new()
    {
        [DisposalGroup.I] = [DisposalMethod.TransferToMission],
        [DisposalGroup.Ii] = [DisposalMethod.TransferToUnActivity],
        [DisposalGroup.Iii] = [DisposalMethod.SaleToOrganisation, DisposalMethod.Donation],
        [DisposalGroup.Iv] = [DisposalMethod.CommercialSale, DisposalMethod.WriteOff, DisposalMethod.Destruction, DisposalMethod.DestroyedInPlace],
        [DisposalGroup.V] = [DisposalMethod.HandoverToHostGovernment, DisposalMethod.Donation],
    };

    /// <summary>The country's track: each decision and the one method that carries it out.</summary>
    private static readonly Dictionary<ContingentDecision, DisposalMethod> MethodOfDecision = new()
    {
        [ContingentDecision.Repatriate] = DisposalMethod.RepatriationToContributor,
        [ContingentDecision.Gift] = DisposalMethod.ContributorGift,
        [ContingentDecision.Sell] = DisposalMethod.ContributorSale,
        [ContingentDecision.HandToMission] = DisposalMethod.HandedToMission,
    };

    /// <summary>Methods that put the asset in the hands of someone outside the United Nations.</summary>
    public static bool IsThirdParty(DisposalMethod method) =>
        method is DisposalMethod.SaleToOrganisation or DisposalMethod.CommercialSale or DisposalMethod.HandoverToHostGovernment
            or DisposalMethod.Donation or DisposalMethod.ContributorGift or DisposalMethod.ContributorSale;

    /// <summary>Methods after which nothing comes back to the mission; on the country's track, anything received is the country's.</summary>
    public static bool YieldsNoProceeds(DisposalMethod method) =>
        method is DisposalMethod.WriteOff or DisposalMethod.Destruction or DisposalMethod.DestroyedInPlace or DisposalMethod.Donation
        || MethodOfDecision.ContainsValue(method);

    /// <summary>The method a country's decision calls for, or null while it has not decided.</summary>
    public static DisposalMethod? MethodFor(ContingentDecision decision) => MethodOfDecision.TryGetValue(decision, out var method) ? method : null;

    public static void Check(Asset asset, DisposalGroup group, DisposalMethod method)
    {
#pragma warning disable CS0612 // the contract keeps the gift only so that it can be refused
        if (method == DisposalMethod.GiftToHostGovernment)
#pragma warning restore CS0612
        {
            throw new RuleBreachException(ErrorReason.GiftNotADisposal, "method", method,
                "Financial Regulation 5.14 has no gift: installed assets go to the host government for compensation (HANDOVER_TO_HOST_GOVERNMENT), "
                + "anything else given away is a DONATION the General Assembly decided");
        }

        if (asset.IsControlled && IsThirdParty(method))
        {
            throw new RuleViolationException(ErrorReason.ThirdPartyTransferForbidden,
                $"{asset.Name} is {asset.Category}: {ThirdPartyRule}.",
                [new MissingItem(ErrorReason.DisposalMethod, asset.Name, "transfer to a mission or UN activity, or destroy it")]);
        }

        if (asset.Ownership == Ownership.ContingentOwned)
        {
            CheckContingent(asset, group, method);
        }
        else
        {
            CheckUnOwned(asset, group, method);
        }
    }

    private static void CheckUnOwned(Asset asset, DisposalGroup group, DisposalMethod method)
    {
        if (group == DisposalGroup.Unspecified)
        {
            throw new RuleBreachException(ErrorReason.GroupRequired, "group", group, "is required for a UN-owned asset");
        }

        if (!MethodsOfGroup[group].Contains(method))
        {
            throw new RuleBreachException(ErrorReason.MethodNotOfTheGroup, "method", method,
                $"{method} is not a method of group {group} (allowed: {string.Join(", ", MethodsOfGroup[group])})");
        }

        if (method == DisposalMethod.HandoverToHostGovernment && !asset.IsInstalled)
        {
            throw new RuleViolationException(ErrorReason.NotAnInstalledAsset,
                $"{asset.Name} is {asset.Category}: only installed assets (prefabricated buildings, installations) go to the host government for compensation.",
                [new MissingItem(ErrorReason.DisposalMethod, "disposal_case.method", "a movable asset is transferred, sold, donated by General Assembly decision, or written off")]);
        }
    }

    /// <summary>Contingent-owned equipment follows its country's decision, outside the UN's groups.</summary>
    private static void CheckContingent(Asset asset, DisposalGroup group, DisposalMethod method)
    {
        if (group != DisposalGroup.Unspecified)
        {
            throw new RuleBreachException(ErrorReason.ContingentOwnedHasNoGroup, "group", group,
                "contingent-owned equipment follows its country's decision, not the UN's disposal groups: leave it unset");
        }

        var decided = MethodFor(asset.ContingentDecision) ?? throw new RuleViolationException(ErrorReason.ContingentDecisionMissing,
            $"{asset.Name} is contingent-owned: its country ({asset.OwnerCountryCode}) decides first.",
            [new MissingItem(ErrorReason.ContingentDecision, asset.Name, "record the country's decision (RecordContingentDecision)")]);
        if (method != decided)
        {
            throw new RuleViolationException(ErrorReason.ContraryToContingentDecision,
                $"{asset.Name}: its country decided {asset.ContingentDecision}, which calls for {decided}, not {method}.",
                [new MissingItem(ErrorReason.DisposalMethod, "disposal_case.method", $"must be {decided}")]);
        }
    }
}
