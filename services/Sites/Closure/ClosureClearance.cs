using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Clients;

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
public sealed class ClosureClearance(PersonnelService.PersonnelServiceClient personnel, ProjectsService.ProjectsServiceClient projects) : ISiteClearance
{
    public const string PersonnelService = "personnel";
    public const string ProjectsService = "projects";

    public async Task<SiteClearance> AskAsync(string missionId, string site, DateOnly day, CancellationToken cancellationToken)
    {
        var occupancy = await ServiceCalls.AskAsync(PersonnelService, () => personnel.GetSiteOccupancyAsync(
            new GetSiteOccupancyRequest { Site = site, AsOfDate = day.ToProto() }, cancellationToken: cancellationToken).ResponseAsync);
        var open = await ServiceCalls.AskAsync(ProjectsService, () => projects.ListOpenProjectsAsync(
            new ListOpenProjectsRequest { Parent = $"missions/{missionId}", Site = site }, cancellationToken: cancellationToken).ResponseAsync);
        return new SiteClearance(occupancy.RemainingCount, occupancy.Remaining.Select(p => p.IndexNumber).ToList(),
            open.Projects.Select(p => p.Name).ToList());
    }
}
