using MissionOps.Personnel.Client;
using MissionOps.Projects.Client;

namespace MissionOps.Sites.Closure;

/// <summary>Who and what is still at a site, as Personnel and Projects say.</summary>
public sealed record SiteClearance(int PersonnelRemaining, IReadOnlyList<string> RemainingIndexNumbers, IReadOnlyList<string> OpenProjects)
{
    /// <summary>Nobody and nothing left: what the demo data knows of its own sites.</summary>
    public static readonly SiteClearance Clear = new(0, [], []);

    public bool IsClear => PersonnelRemaining == 0 && OpenProjects.Count == 0;
}

/// <summary>
/// Asks Personnel (no one at the site on the day apart from the residual roster) and Projects (no
/// project there that blocks closure, as Projects defines it) before a site may close. A service
/// that cannot be reached makes the answer UNAVAILABLE, never a yes.
/// </summary>
public sealed class ClosureClearance(PersonnelDirectory personnel, ProjectsDirectory projects) : ISiteClearance
{
    public async Task<SiteClearance> AskAsync(string missionId, string site, DateOnly day, CancellationToken cancellationToken)
    {
        var occupancy = await personnel.SiteOccupancyAsync(site, day, cancellationToken);
        var open = await projects.OpenAtSiteAsync(missionId, site, cancellationToken);
        return new SiteClearance(occupancy.RemainingCount, occupancy.Remaining.Select(p => p.IndexNumber).ToList(),
            open.Select(p => p.Name).ToList());
    }
}
