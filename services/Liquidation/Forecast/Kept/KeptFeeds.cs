using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Data;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Forecast.Kept;

public static class KeptFeeds
{
    /// <summary>
    /// One keeper per feed the forecast reads: Sites', Personnel's and Projects', for every mission. Added as singletons:
    /// AddHostedService keeps one service per type, and the three are one type.
    /// </summary>
    public static IServiceCollection AddKeptFeeds(this IServiceCollection services)
    {
        services.AddSingleton<IHostedService>(sp => Keeper(sp, ServiceNames.Sites, KeptFeed.Sites, (after, types, ct) =>
            sp.GetRequiredService<SitesService.SitesServiceClient>().WatchEvents(
                new Sites.V1.WatchEventsRequest { Parent = "missions/-", AfterSequence = after, EventTypes = { types } }, cancellationToken: ct)));
        services.AddSingleton<IHostedService>(sp => Keeper(sp, ServiceNames.Personnel, KeptFeed.Personnel, (after, types, ct) =>
            sp.GetRequiredService<PersonnelService.PersonnelServiceClient>().WatchEvents(
                new Personnel.V1.WatchEventsRequest { Parent = "missions/-", AfterSequence = after, EventTypes = { types } }, cancellationToken: ct)));
        services.AddSingleton<IHostedService>(sp => Keeper(sp, ServiceNames.Projects, KeptFeed.Projects, (after, types, ct) =>
            sp.GetRequiredService<ProjectsService.ProjectsServiceClient>().WatchEvents(
                new Projects.V1.WatchEventsRequest { Parent = "missions/-", AfterSequence = after, EventTypes = { types } }, cancellationToken: ct)));
        return services;
    }

    private static FeedKeeper Keeper(IServiceProvider sp, string service, KeptFeed feed,
        Func<long, IEnumerable<string>, CancellationToken, Grpc.Core.AsyncServerStreamingCall<Common.V1.ChangeEvent>> watch) =>
        new(service, feed, watch, sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<KeptRecords>(),
            sp.GetRequiredService<DatabaseReadiness>(),
            sp.GetRequiredService<ILogger<FeedKeeper>>());
}
