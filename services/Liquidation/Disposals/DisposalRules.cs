using MissionOps.Liquidation.Assets;
using MissionOps.ServiceDefaults.Errors;
using ContingentDecision = MissionOps.Liquidation.V1.ContingentDecision;
using DisposalGroup = MissionOps.Liquidation.V1.DisposalGroup;
using DisposalMethod = MissionOps.Liquidation.V1.DisposalMethod;
using Ownership = MissionOps.Liquidation.V1.Ownership;

namespace MissionOps.Liquidation.Disposals;

/// <summary>Which disposal fits which asset: the groups' methods, the third-party rule, the contributing country's decision.</summary>
public static class DisposalRules
{
    public const string ThirdPartyRule = "weapons, ammunition and armoured vehicles are never transferred to a third party";

    private static readonly Dictionary<DisposalGroup, DisposalMethod[]> MethodsOfGroup = new()
    {
        [DisposalGroup.I] = [DisposalMethod.TransferToMission, DisposalMethod.RepatriationToContributor],
        [DisposalGroup.Ii] = [DisposalMethod.TransferToUnActivity],
        [DisposalGroup.Iii] = [DisposalMethod.SaleToOrganisation],
        [DisposalGroup.Iv] = [DisposalMethod.CommercialSale, DisposalMethod.WriteOff, DisposalMethod.Destruction, DisposalMethod.DestroyedInPlace],
        [DisposalGroup.V] = [DisposalMethod.GiftToHostGovernment],
    };

    /// <summary>Methods that put the asset in the hands of someone outside the United Nations.</summary>
    public static bool IsThirdParty(DisposalMethod method) =>
        method is DisposalMethod.SaleToOrganisation or DisposalMethod.CommercialSale or DisposalMethod.GiftToHostGovernment;

    /// <summary>Methods after which nothing comes back to the mission.</summary>
    public static bool YieldsNoProceeds(DisposalMethod method) =>
        method is DisposalMethod.WriteOff or DisposalMethod.Destruction or DisposalMethod.DestroyedInPlace or DisposalMethod.RepatriationToContributor;

    public static void Check(Asset asset, DisposalGroup group, DisposalMethod method)
    {
        if (!MethodsOfGroup[group].Contains(method))
        {
            throw new InvalidArgumentException("disposal_case.method",
                $"{method} is not a method of group {group} (allowed: {string.Join(", ", MethodsOfGroup[group])})");
        }

        if (asset.IsControlled && IsThirdParty(method))
        {
            throw new RuleViolationException("THIRD_PARTY_TRANSFER_FORBIDDEN",
                $"{asset.Name} is {asset.Category}: {ThirdPartyRule}.",
                [new MissingItem("DISPOSAL_METHOD", asset.Name, "transfer to a mission or UN activity, or destroy it")]);
        }

        if (asset.Ownership == Ownership.ContingentOwned)
        {
            CheckContingent(asset, method);
        }
        else if (method == DisposalMethod.RepatriationToContributor)
        {
            throw new InvalidArgumentException("disposal_case.method", "only contingent-owned equipment goes back to its contributing country");
        }
    }

    /// <summary>Contingent-owned equipment follows its country's decision.</summary>
    private static void CheckContingent(Asset asset, DisposalMethod method)
    {
        DisposalMethod[]? allowed = asset.ContingentDecision switch
        {
            ContingentDecision.Unspecified => throw new RuleViolationException("CONTINGENT_DECISION_MISSING",
                $"{asset.Name} is contingent-owned: its country ({asset.OwnerCountryCode}) decides first.",
                [new MissingItem("CONTINGENT_DECISION", asset.Name, "record the country's decision (RecordContingentDecision)")]),
            ContingentDecision.Repatriate => [DisposalMethod.RepatriationToContributor],
            ContingentDecision.Gift => [DisposalMethod.GiftToHostGovernment],
            ContingentDecision.Sell => [DisposalMethod.CommercialSale, DisposalMethod.SaleToOrganisation],
            _ => null,
        };
        if (allowed is not null && !allowed.Contains(method))
        {
            throw new RuleViolationException("CONTRARY_TO_CONTINGENT_DECISION",
                $"{asset.Name}: its country decided {asset.ContingentDecision}, which allows {string.Join(" or ", allowed)}, not {method}.");
        }
    }
}
