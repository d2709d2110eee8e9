using MissionOps.Projects.Iati;
using MissionOps.Projects.Projects;

namespace MissionOps.Projects.Rules;

/// <summary>A mission's quick-impact project rules: a budget ceiling and a duration limit.</summary>
public sealed class QuickImpactRules : Aggregate<QuickImpactRulesEvent>, IAggregate, IHasEtag
{
    private QuickImpactRules()
    {
    }

    public string MissionId { get; private set; } = string.Empty;

    public string Currency { get; private set; } = string.Empty;

    public long CeilingMinorUnits { get; private set; }

    public int MaxDurationMonths { get; private set; }

    public uint Version { get; private set; }

    public string Name => $"missions/{MissionId}/quickImpactRules";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static QuickImpactRules Create(string missionId, string currency, long ceilingMinorUnits, int maxDurationMonths) => Raising(new QuickImpactRules
    {
        MissionId = missionId,
        Currency = currency,
        CeilingMinorUnits = ceilingMinorUnits,
        MaxDurationMonths = maxDurationMonths,
    }, QuickImpactRulesEvent.Created);

    public void Change(string currency, long ceilingMinorUnits, int maxDurationMonths)
    {
        Currency = currency;
        CeilingMinorUnits = ceilingMinorUnits;
        MaxDurationMonths = maxDurationMonths;
        Raise(QuickImpactRulesEvent.Updated);
    }

    /// <summary>The violations of these rules by a quick-impact project, each naming the rule.</summary>
    public IEnumerable<FieldViolation> ViolationsOf(ProjectDescription project)
    {
        if (project.Currency != Currency)
        {
            yield return new FieldViolation("project.budgets",
                $"a quick-impact project is budgeted in {Currency}, the currency of the rule {Name}.budget_ceiling, not {project.Currency}");
        }
        else if (project.TotalBudget > CeilingMinorUnits)
        {
            yield return new FieldViolation("project.budgets",
                $"the budget of {Currency} {MinorUnits.Format(project.TotalBudget, Currency)} is over the quick-impact ceiling of " +
                $"{Currency} {MinorUnits.Format(CeilingMinorUnits, Currency)} ({Name}.budget_ceiling)");
        }

        if (project.PlannedEnd > project.PlannedStart.AddMonths(MaxDurationMonths))
        {
            yield return new FieldViolation("project.dates.planned_end",
                $"a quick-impact project may run at most {MaxDurationMonths} months from its planned start ({Name}.max_duration_months)");
        }
    }
}
