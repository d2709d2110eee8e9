using Microsoft.Extensions.Configuration.Memory;
using MissionOps.Projects.DemoData;
using MissionOps.Projects.Iati;
using MissionOps.Projects.Telemetry;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.DemoData;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Client;

namespace MissionOps.Projects;

public static class Extensions
{
    public const string DatabaseName = "projectsdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var codes = CodeLists.Load();
        builder.Services.AddSingleton(codes);
        builder.AddChangePipeline<ProjectsDbContext>(DatabaseName, ProjectsContracts.Create(codes));
        builder.AddServiceSecurity(ServiceNames.Projects, ProjectsPermissions.Map, ProjectsPermissions.RegionScoped);
        builder.Services.AddSingleton<IatiReporting>();
        builder.Services.AddSingleton<ProjectsMetrics>();
        builder.Services.AddHostedService<PortfolioSampler>();
        builder.AddSitesClient();
        builder.Services.AddScoped<Projects.ProjectRegions>();
        builder.AddDemoData<ProjectsDbContext, MinusmaProjects>();
        builder.AddDemoData<ProjectsDbContext, ClosedMissionProjects>();
        if (builder.LoadsDemoData())
        {
            // The demo missions' reporting organisations, unless the configuration names others.
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
            {
                InitialData = MinusmaProjects.ReportingOrganisations.Concat(IatiReporting.Settings(ClosedMissionProjects.MissionId,
                    ClosedMissionProjects.ReportingRef, new("Example mission (illustrative)", "Mission d'exemple (fictive)"))),
            });
        }

        return builder;
    }
}
