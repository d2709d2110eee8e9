using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.DemoData;
using MissionOps.Liquidation.Plan;
using MissionOps.Liquidation.Readiness;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Clients;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Client;

namespace MissionOps.Liquidation;

public static class Extensions
{
    public const string DatabaseName = "liquidationdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<LiquidationDbContext>(DatabaseName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddServiceSecurity(ServiceNames.Liquidation, LiquidationPermissions.Map, LiquidationPermissions.RegionScoped);
        builder.AddSitesClient();
        builder.AddServiceClient<PersonnelService.PersonnelServiceClient>(ResidualTeam.ServiceName);
        builder.Services.AddScoped<ResidualTeam>();
        builder.AddServiceClient<ProjectsService.ProjectsServiceClient>("projects");
        builder.Services.AddScoped<ReadinessReport>();
        builder.Services.AddScoped<Report.FinalReport>();
        builder.Services.AddScoped<Feeds.SiteClosedHandler>();
        builder.Services.AddScoped<Feeds.SiteLeftWithoutHandoverHandler>();
        builder.Services.AddSingleton<Telemetry.LiquidationMetrics>();
        builder.Services.AddHostedService<Telemetry.AwaitingDisposalSampler>();
        if (builder.Configuration.GetValue("Liquidation:FollowSitesFeed", defaultValue: true))
        {
            builder.Services.AddHostedService<Feeds.SitesFeedFollower>();
        }

        if (builder.Configuration.GetValue<bool>("DemoData:Load"))
        {
            builder.Services.AddScoped<IDatabaseSeeder<LiquidationDbContext>, MinusmaLiquidation>();
            builder.Services.AddScoped<IDatabaseSeeder<LiquidationDbContext>, ClosedMissionLiquidation>();
        }

        return builder;
    }
}
