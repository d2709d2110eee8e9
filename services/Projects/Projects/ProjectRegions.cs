using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Client;

namespace MissionOps.Projects.Projects;

/// <summary>
/// Whether a project lies in the current caller's regions: one of its locations is a district or
/// a road segment of those regions, or a site in them (as Sites places the site).
/// </summary>
public sealed class ProjectRegions(SiteRegions siteRegions)
{
    /// <summary>The test for the current caller, or null when it sees the whole mission.</summary>
    public async Task<Func<Project, bool>?> FilterAsync(string missionId, CancellationToken ct)
    {
        if (RegionScope.Current is not { } scope)
        {
            return null;
        }

        var sites = await siteRegions.VisibleAsync(missionId, ct) ?? new HashSet<string>();
        return project => project.Description.Locations.Any(l =>
            scope.Includes(l.RegionPcode) || scope.Includes(l.DistrictPcode) || (l.Site is not null && sites.Contains(l.Site)));
    }

    /// <summary>Answers a project outside the caller's regions as one that does not exist.</summary>
    public async Task<Project> CheckVisibleAsync(Project project, CancellationToken ct) =>
        await FilterAsync(project.MissionId, ct) is { } inScope && !inScope(project)
            ? throw new ServiceDefaults.Errors.NotFoundException("missionops.un.org/Project", project.Name)
            : project;
}
