using System.Diagnostics.Metrics;
using MissionOps.Projects.Iati;
using MissionOps.Projects.Projects;

namespace MissionOps.Projects.Telemetry;

/// <summary>What the dashboard shows of Projects, for each mission: projects by status and sector, budget and spend by currency.</summary>
public sealed class ProjectsMetrics
{
    public const string MeterName = "MissionOps.Projects";

    /// <summary>Amounts are in the major unit of the currency each measurement names (an annotation: UCUM has no currencies).</summary>
    public const string CurrencyUnit = "{currency_unit}";

    private volatile IReadOnlyList<Project> _portfolio = [];

    private readonly CodeLists _codes;

    public ProjectsMetrics(IMeterFactory meters, CodeLists codes)
    {
        _codes = codes;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("missionops.projects.count", ObserveCount, "{project}", "Projects by status and main sector (its DAC name, and its code).");
        meter.CreateObservableGauge("missionops.projects.budget", () => ObserveMoney(p => p.Description.TotalBudget), CurrencyUnit,
            "Total budget by currency, in its major unit (dollars, not cents).");
        meter.CreateObservableGauge("missionops.projects.spent", () => ObserveMoney(p => p.Spent), CurrencyUnit,
            "Disbursed and spent so far by currency, in its major unit.");
    }

    public void RecordPortfolio(IReadOnlyList<Project> projects) => _portfolio = projects;

    private IEnumerable<Measurement<int>> ObserveCount() =>
        _portfolio.GroupBy(p => (p.MissionId, p.Status, Sector: p.Description.Sectors.OrderByDescending(s => s.Percentage).First().Code))
            .Select(g => new Measurement<int>(g.Count(), new("mission", g.Key.MissionId), new("status", g.Key.Status.ToString()),
                new("sector", _codes.Sectors.TryGetValue(g.Key.Sector, out var name) ? name.En : g.Key.Sector), new("sector_code", g.Key.Sector)));

    private IEnumerable<Measurement<double>> ObserveMoney(Func<Project, long> amount) =>
        _portfolio.GroupBy(p => (p.MissionId, p.Description.Currency))
            .Select(g => new Measurement<double>(MinorUnits.ToMajor(MoneyTotal.Saturated(g.Select(amount)), g.Key.Currency),
                new("mission", g.Key.MissionId), new("currency", g.Key.Currency)));
}
