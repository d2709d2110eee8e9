using Grpc.Core;
using MissionOps.Liquidation.Data;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Telemetry;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Feeds;

/// <summary>
/// Follows the Sites feed for every mission: a closed site opens the disposal of its assets, a site left without
/// handover writes them off.
/// </summary>
public sealed class SitesFeedFollower(IServiceScopeFactory scopes, SitesService.SitesServiceClient sites, DatabaseReadiness readiness,
    ILogger<SitesFeedFollower> logger) : FeedFollower(readiness, logger)
{
    protected override string Followed => "The Sites feed";

    protected override async Task FollowAsync(CancellationToken stoppingToken)
    {
        long cursor;
        await using (var scope = scopes.CreateAsyncScope())
        {
            cursor = await scope.ServiceProvider.GetRequiredService<ChangePipeline<LiquidationDbContext>>().FeedCursorAsync(SiteClosedHandler.Feed, stoppingToken);
        }

        using var call = sites.WatchEvents(new WatchEventsRequest
        {
            Parent = "missions/-",
            AfterSequence = cursor,
            EventTypes = { SiteClosedHandler.EventTypes },
        }, cancellationToken: stoppingToken);
        await foreach (var change in call.ResponseStream.ReadAllAsync(stoppingToken))
        {
            if (change.Type.Length == 0)
            {
                // A heartbeat: the stream is alive, and nothing Liquidation acts on happened.
                continue;
            }

            // In the trace of the closure that raised the event: the disposal cases it opens are part of that decision.
            var type = change.Type[(change.Type.LastIndexOf('.') + 1)..];
            using var activity = BackgroundWork.StartHandling($"Liquidation handles {type}", change.Traceparent, change.Sequence, change.Type);
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<SiteClosedHandler>().HandleAsync(change, stoppingToken) && activity is not null)
            {
                // Another copy of Liquidation handled it first (or the mission's liquidation is closed): the trace says so.
                activity.DisplayName = $"Liquidation passes over {type}";
            }
        }
    }
}
