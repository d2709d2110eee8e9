using MissionOps.Liquidation.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Overview;

/// <summary>What a site's page shows: the site as Sites holds it, its forecast, its occupancy over time, and the projects and assets there.</summary>
public sealed record SiteDetail(
    Site Site,
    DateOnly PlanningDay,
    IReadOnlyList<HeadcountSample> Occupancy,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<Asset> Assets,
    SiteForecast? Forecast = null)
{
    public DateOnly From => Occupancy.Count == 0 ? PlanningDay : Occupancy[0].Day;

    public DateOnly To => Occupancy.Count == 0 ? PlanningDay : Occupancy[^1].Day;

    /// <summary>Every step of the closure checklist, with its record when there is one.</summary>
    public IEnumerable<(ClosureStepKind Kind, ClosureStep? Step)> Checklist =>
        Enum.GetValues<ClosureStepKind>().Where(k => k != ClosureStepKind.Unspecified)
            .Select(k => (k, Site.ClosureSteps.FirstOrDefault(s => s.Kind == k)));
}
