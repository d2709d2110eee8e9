using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Client;

namespace MissionOps.Liquidation.Readiness;

/// <summary>The regions a readiness or liquidation report is limited to: their sites, and the projects located in them.</summary>
public sealed record ReadinessRegions(RegionScope Scope, IReadOnlySet<string> Sites)
{
    /// <summary>The current caller's regions in the mission, or null when it sees the whole mission.</summary>
    public static async Task<ReadinessRegions?> OfCallerAsync(SiteRegions siteRegions, string missionId, CancellationToken ct) =>
        await siteRegions.VisibleAsync(missionId, ct) is { } visible ? new ReadinessRegions(RegionScope.Current!, visible) : null;

    /// <summary>The region P-codes, sorted, as a report names them.</summary>
    public IEnumerable<string> Codes => Scope.Regions.Order(StringComparer.Ordinal);

    public bool Holds(Project project) => project.Locations.Any(l =>
        Scope.Includes(l.RegionPcode) || Scope.Includes(l.DistrictPcode) || Sites.Contains(l.Site));
}
