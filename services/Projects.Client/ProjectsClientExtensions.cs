using Microsoft.Extensions.Hosting;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Clients;

namespace MissionOps.Projects.Client;

public static class ProjectsClientExtensions
{
    /// <summary>A Projects client and a <see cref="ProjectsDirectory"/> over it.</summary>
    public static IHostApplicationBuilder AddProjectsClient(this IHostApplicationBuilder builder) =>
        builder.AddServiceClient<ProjectsService.ProjectsServiceClient, ProjectsDirectory>(ServiceNames.Projects);
}
