using MissionOps.Personnel.DemoData;
using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.Telemetry;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.DemoData;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Client;

namespace MissionOps.Personnel;

public static class Extensions
{
    public const string DatabaseName = "personneldb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddChangePipeline<PersonnelDbContext>(DatabaseName, PersonnelContracts.Create());
        builder.AddServiceSecurity(ServiceNames.Personnel, PersonnelPermissions.Map, PersonnelPermissions.RegionScoped);
        builder.Services.AddScoped<HeadcountQueries>();
        builder.Services.AddSingleton<PersonnelMetrics>();
        builder.Services.AddHostedService<HeadcountSampler>();
        builder.AddSitesClient();
        builder.AddDemoData<PersonnelDbContext, MinusmaPersonnel>();
        builder.AddDemoData<PersonnelDbContext, ClosedMissionPersonnel>();

        return builder;
    }
}
