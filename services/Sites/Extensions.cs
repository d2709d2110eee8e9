using MissionOps.Personnel.Client;
using MissionOps.Projects.Client;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Closure;
using MissionOps.Sites.DemoData;

namespace MissionOps.Sites;

public static class Extensions
{
    public const string DatabaseName = "sitesdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SitesDbContext>(DatabaseName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddChangePipeline<SitesDbContext>(SitesContracts.Create());
        builder.AddServiceSecurity(ServiceNames.Sites, SitesPermissions.Map, SitesPermissions.RegionScoped, SitesPermissions.WhenFieldSet);
        builder.AddPersonnelClient();
        builder.AddProjectsClient();
        builder.Services.AddScoped<ISiteClearance, ClosureClearance>();

        if (builder.Configuration.GetValue<bool>("DemoData:Load"))
        {
            builder.Services.AddScoped<IDatabaseSeeder<SitesDbContext>, MinusmaDemoData>();
        }

        return builder;
    }
}
