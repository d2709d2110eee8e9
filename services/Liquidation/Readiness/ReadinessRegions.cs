using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Liquidation.Readiness;

/// <summary>The regions a readiness report is limited to: their sites, and the projects located in them.</summary>
public sealed record ReadinessRegions(RegionScope Scope, IReadOnlySet<string> Sites)
{
    public bool Holds(Project project) => project.Locations.Any(l =>
        Scope.Includes(l.RegionPcode) || Scope.Includes(l.DistrictPcode) || Sites.Contains(l.Site));
}
