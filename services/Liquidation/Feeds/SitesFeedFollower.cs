using Grpc.Core;
using MissionOps.Liquidation.Data;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Telemetry;
using MissionOps.Sites.V1;

namespace MissionOps.Liquidation.Feeds;

/// <summary>
/// Follows the Sites feed from Liquidation's own cursor, for every mission, and reconnects after
/// a break from where it stopped.
/// </summary>
public sealed class SitesFeedFollower(IServiceScopeFactory scopes, SitesService.SitesServiceClient sites, DatabaseReadiness readiness,
    ILogger<SitesFeedFollower> logger) : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (readiness.IsReady)
                {
                    await FollowAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is RpcException or HttpRequestException)
            {
                logger.LogWarning("The Sites feed broke off ({Message}); reconnecting", exception.Message);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // An event that cannot be handled now (the database away, a bug) is retried from the cursor, never skipped.
                logger.LogError(exception, "Handling the Sites feed failed; retrying from the cursor");
            }

            try
            {
                await Task.Delay(Reconnect, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task FollowAsync(CancellationToken stoppingToken)
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
