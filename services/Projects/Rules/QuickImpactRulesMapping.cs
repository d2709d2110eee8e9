using MissionOps.Common.V1;

namespace MissionOps.Projects.Rules;

public static class QuickImpactRulesMapping
{
    public static V1.QuickImpactRules ToProto(this QuickImpactRules rules) => new()
    {
        Name = rules.Name,
        BudgetCeiling = new Money { CurrencyCode = rules.Currency, MinorUnits = rules.CeilingMinorUnits },
        MaxDurationMonths = rules.MaxDurationMonths,
        Etag = rules.Etag,
    };
}
