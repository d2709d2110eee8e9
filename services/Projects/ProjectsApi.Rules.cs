using MissionOps.Projects.Rules;
using MissionOps.Projects.V1;

namespace MissionOps.Projects;

public sealed partial class ProjectsApi
{
    public override async Task<V1.QuickImpactRules> UpdateQuickImpactRules(UpdateQuickImpactRulesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        v.RequestId("request_id", request.RequestId);
        var input = request.QuickImpactRules;
        if (input is null)
        {
            v.Add("quick_impact_rules", "is required");
            v.ThrowIfInvalid();
        }

        var missionId = RulesMission(v, "quick_impact_rules.name", input!.Name);
        var currency = v.CurrencyCode("quick_impact_rules.budget_ceiling.currency_code", input.BudgetCeiling?.CurrencyCode);
        MoneyInput.MinorUnits(v, "quick_impact_rules.budget_ceiling.minor_units", input.BudgetCeiling?.MinorUnits);
        v.Check(input.MaxDurationMonths is > 0 and <= 60, "quick_impact_rules.max_duration_months", "must be from 1 to 60 months");
        v.ThrowIfInvalid();

        return await changes.RunAsync<V1.QuickImpactRules>(request, async ct =>
        {
            var rules = await db.QuickImpactRules.SingleOrDefaultAsync(r => r.MissionId == missionId, ct);
            if (rules is null)
            {
                // An etag read from rules that do not exist cannot be checked: they were never there to read.
                rules = input.Etag.Length == 0
                    ? Rules.QuickImpactRules.Create(missionId, currency, input.BudgetCeiling!.MinorUnits, input.MaxDurationMonths)
                    : throw new NotFoundException("missionops.un.org/QuickImpactRules", input.Name);
                db.QuickImpactRules.Add(rules);
            }
            else
            {
                rules.Change(currency, input.BudgetCeiling!.MinorUnits, input.MaxDurationMonths);
            }

            return rules;
        }, Token(context));
    }

    public override async Task<V1.QuickImpactRules> GetQuickImpactRules(GetQuickImpactRulesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = RulesMission(v, "name", request.Name);
        v.ThrowIfInvalid();
        var rules = await db.QuickImpactRules.AsNoTracking().SingleOrDefaultAsync(r => r.MissionId == missionId, Token(context))
            ?? throw new NotFoundException("missionops.un.org/QuickImpactRules", request.Name);
        return rules.ToProto();
    }

    private static string RulesMission(RequestValidator v, string field, string? name)
    {
        var parts = (name ?? string.Empty).Split('/');
        if (parts is ["missions", { Length: > 0 } mission, "quickImpactRules"])
        {
            return mission;
        }

        v.Add(field, $"'{name}' is not of the form missions/{{mission}}/quickImpactRules");
        return string.Empty;
    }
}
