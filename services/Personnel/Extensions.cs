using MissionOps.Personnel.DemoData;
using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.Telemetry;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Client;

namespace MissionOps.Personnel;

public static class Extensions
{
    public const string DatabaseName = "personneldb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PersonnelDbContext>(DatabaseName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddChangePipeline<PersonnelDbContext>(PersonnelContracts.Create());
        builder.AddServiceSecurity(ServiceNames.Personnel, PersonnelPermissions.Map, PersonnelPermissions.RegionScoped);
        builder.Services.AddScoped<HeadcountQueries>();
        builder.Services.AddSingleton<PersonnelMetrics>();
        builder.Services.AddHostedService<HeadcountSampler>();

        builder.AddSitesClient();

        if (builder.Configuration.GetValue<bool>("DemoData:Load"))
        {
            builder.Services.AddScoped<IDatabaseSeeder<PersonnelDbContext>, MinusmaPersonnel>();
            builder.Services.AddScoped<IDatabaseSeeder<PersonnelDbContext>, ClosedMissionPersonnel>();
        }

        return builder;
    }
}
