using Grpc.Core;
using MissionOps.ServiceDefaults.Data;

namespace MissionOps.Liquidation.Feeds;

/// <summary>
/// Follows another service's feed from Liquidation's own cursor, once the database is ready, and after a break starts
/// again from the cursor: a feed that broke off is reconnected, an event that could not be handled (the database away, a
/// bug) is read again, never skipped.
/// </summary>
public abstract class FeedFollower(DatabaseReadiness readiness, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    /// <summary>What is followed, as the log names it ("the Sites feed").</summary>
    protected abstract string Followed { get; }

    /// <summary>Reads the feed from the cursor until it ends or breaks.</summary>
    protected abstract Task FollowAsync(CancellationToken stoppingToken);

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
            catch when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RpcException or HttpRequestException)
            {
                logger.LogWarning("{Followed} broke off ({Message}); reconnecting", Followed, exception.Message);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Following {Followed} failed; retrying from the cursor", Followed);
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
}
