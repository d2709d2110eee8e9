using LiabilityKind = MissionOps.Liquidation.V1.LiabilityKind;

namespace MissionOps.Liquidation.Residual;

/// <summary>What is recorded of a liability and may be corrected later, checked alike on create and update.</summary>
public sealed record LiabilityTerms(LiabilityKind Kind, Text Description, string Owner, string? Currency, long? EstimatedCost)
{
    public static LiabilityTerms Of(RequestValidator v, V1.Liability input)
    {
        var cost = MoneyInput.Parse(v, "liability.estimated_cost", input.EstimatedCost, required: false, allowZero: true);
        return new LiabilityTerms(v.Enum("liability.kind", input.Kind), v.Bilingual("liability.description", input.Description),
            v.Required("liability.owner", input.Owner, 200), cost?.Currency, cost?.MinorUnits);
    }
}
