using MissionOps.Personnel.Client;
using MissionOps.Projects.Client;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.DemoData;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Closure;
using MissionOps.Sites.DemoData;

namespace MissionOps.Sites;

public static class Extensions
{
    public const string DatabaseName = "sitesdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddChangePipeline<SitesDbContext>(DatabaseName, SitesContracts.Create());
        builder.AddServiceSecurity(ServiceNames.Sites, SitesPermissions.Map, SitesPermissions.RegionScoped, SitesPermissions.WhenFieldSet);
        builder.AddPersonnelClient();
        builder.AddProjectsClient();
        builder.Services.AddScoped<ISiteClearance, ClosureClearance>();
        builder.AddDemoData<SitesDbContext, MinusmaDemoData>();
        builder.Services.AddSingleton<Telemetry.SitesMetrics>();
        builder.Services.AddHostedService<Telemetry.SitesSampler>();

        return builder;
    }
}
