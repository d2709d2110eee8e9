using MissionOps.Liquidation.DemoData;
using MissionOps.Liquidation.Readiness;
using MissionOps.Personnel.Client;
using MissionOps.Projects.Client;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.DemoData;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Client;

namespace MissionOps.Liquidation;

public static class Extensions
{
    public const string DatabaseName = "liquidationdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddChangePipeline<LiquidationDbContext>(DatabaseName, LiquidationContracts.Create());
        builder.AddServiceSecurity(ServiceNames.Liquidation, LiquidationPermissions.Map, LiquidationPermissions.RegionScoped);
        builder.AddSitesClient();
        builder.AddPersonnelClient();
        builder.AddProjectsClient();
        builder.Services.AddScoped<ReadinessReport>();
        builder.Services.AddScoped<Report.FinalReport>();
        builder.Services.AddScoped<Feeds.SiteClosedHandler>();
        builder.Services.AddScoped<Feeds.SiteLeftWithoutHandoverHandler>();
        builder.Services.AddSingleton<Telemetry.LiquidationMetrics>();
        builder.Services.AddHostedService<Telemetry.AwaitingDisposalSampler>();
        builder.Services.AddHostedService<Telemetry.ClosureBlockersSampler>();
        if (builder.Configuration.GetValue("Liquidation:FollowSitesFeed", defaultValue: true))
        {
            builder.Services.AddHostedService<Feeds.SitesFeedFollower>();
        }

        builder.Services.AddScoped<Forecast.ForecastRecord>();
        builder.Services.AddSingleton<Forecast.Outlook.OutlookWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Forecast.Outlook.OutlookWatch>());
        var keepFeeds = builder.Configuration.GetValue("Liquidation:KeepFeedsForForecast", defaultValue: true);
        builder.Services.AddSingleton(new Forecast.Kept.KeptRecords(keepFeeds));
        if (keepFeeds)
        {
            Forecast.Kept.KeptFeeds.AddKeptFeeds(builder.Services);
        }

        builder.AddDemoData<LiquidationDbContext, MinusmaLiquidation>();
        builder.AddDemoData<LiquidationDbContext, ClosedMissionLiquidation>();

        return builder;
    }
}
