using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Clients;

namespace MissionOps.Projects.Client;

/// <summary>
/// What other services ask Projects, through its contract only. Whether a project blocks closure is
/// Projects' word (<c>blocks_closure</c>), never worked out by the caller. An unreachable Projects
/// service fails the request with UNAVAILABLE, never an empty answer.
/// </summary>
public sealed class ProjectsDirectory(ProjectsService.ProjectsServiceClient projects)
{
    /// <summary>The projects at the site that block its closure.</summary>
    public async Task<IReadOnlyList<Project>> OpenAtSiteAsync(string missionId, string site, CancellationToken cancellationToken) =>
        await ServiceCalls.AllPagesAsync(ServiceNames.Projects, async token =>
        {
            var page = await projects.ListOpenProjectsAsync(
                new ListOpenProjectsRequest { Parent = $"missions/{missionId}", Site = site, PageSize = 1000, PageToken = token },
                cancellationToken: cancellationToken);
            return (page.Projects.AsEnumerable(), page.NextPageToken);
        });

    /// <summary>Every project of the mission.</summary>
    public Task<List<Project>> ListAsync(string missionId, CancellationToken cancellationToken) =>
        ServiceCalls.AllPagesAsync(ServiceNames.Projects, async token =>
        {
            var page = await projects.ListProjectsAsync(new ListProjectsRequest { Parent = $"missions/{missionId}", PageSize = 1000, PageToken = token },
                cancellationToken: cancellationToken);
            return (page.Projects.AsEnumerable(), page.NextPageToken);
        });
}
