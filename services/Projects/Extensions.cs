using Microsoft.Extensions.Configuration.Memory;
using MissionOps.Projects.DemoData;
using MissionOps.Projects.Iati;
using MissionOps.Projects.Telemetry;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Client;

namespace MissionOps.Projects;

public static class Extensions
{
    public const string DatabaseName = "projectsdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProjectsDbContext>(DatabaseName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceSecurity(ServiceNames.Projects, ProjectsPermissions.Map, ProjectsPermissions.RegionScoped);
        var codes = CodeLists.Load();
        builder.Services.AddSingleton(codes);
        builder.Services.AddChangePipeline<ProjectsDbContext>(ProjectsContracts.Create(codes));
        builder.Services.AddSingleton<IatiReporting>();
        builder.Services.AddSingleton<ProjectsMetrics>();
        builder.Services.AddHostedService<PortfolioSampler>();
        builder.AddSitesClient();
        builder.Services.AddScoped<Projects.ProjectRegions>();

        if (builder.Configuration.GetValue<bool>("DemoData:Load"))
        {
            builder.Services.AddScoped<IDatabaseSeeder<ProjectsDbContext>, MinusmaProjects>();
            builder.Services.AddScoped<IDatabaseSeeder<ProjectsDbContext>, ClosedMissionProjects>();
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
