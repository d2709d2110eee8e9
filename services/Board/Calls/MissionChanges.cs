using Google.Protobuf.WellKnownTypes;
using MissionOps.Client;
using MissionOps.Sites.V1;

namespace MissionOps.Board.Calls;

/// <summary>
/// Follows a mission's Sites feed for the page that shows it: when a site is created, closed, handed over or changed
/// after the page was drawn (or, for a site's page, when that site changes), <c>changed</c> is called once the burst of
/// events has settled, and the page draws again.
/// </summary>
public static class MissionChanges
{
    /// <summary>How long the feed must be quiet before the page is drawn again: one closure raises several events.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// Events recorded this long before the page was drawn still count: the services' clocks and the board's need not
    /// agree to the millisecond, and drawing once more is cheaper than missing a change.
    /// </summary>
    private static readonly TimeSpan ClockAllowance = TimeSpan.FromSeconds(5);

    public static async Task FollowAsync(UserCalls calls, string missionId, string? resource, DateTimeOffset drawnAt, Func<Task> changed, CancellationToken cancellationToken)
    {
        // The feed is read from its start (it has no "from now"), and what was recorded before the page was drawn is skipped.
        var since = Timestamp.FromDateTimeOffset(drawnAt - ClockAllowance);
        var pending = 0;
        await foreach (var change in Feeds.Follow((after, token) => calls.Services.Sites.WatchEvents(
            new WatchEventsRequest { Parent = $"missions/{missionId}", AfterSequence = after }, cancellationToken: token), 0, cancellationToken))
        {
            if (change.OccurTime is null || change.OccurTime < since || (resource is not null && change.Resource != resource)
                || Interlocked.Exchange(ref pending, 1) == 1)
            {
                continue;
            }

            _ = Task.Run(async () =>
            {
                await Task.Delay(Settle, cancellationToken);
                Volatile.Write(ref pending, 0);
                await changed();
            }, cancellationToken);
        }
    }
}
