using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MissionOps.Client;
using MissionOps.Common.V1;

namespace MissionOps.Board.Calls;

/// <summary>
/// Follows a mission's feeds for the page that shows it: when a site is created, closed, handed over or changed after
/// the page was drawn (or, for a site's page, when that site changes), when a movement or a drawdown target changes
/// the headcount, or when a site's forecast crosses its phase's end, <c>changed</c> is called once the burst of events has
/// settled, and the page draws again.
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

    /// <summary>The Personnel events that move the headcount curve or its targets (units and the residual roster do not).</summary>
    private static readonly string[] HeadcountEvents =
    [
        .. new[] { "PersonCreated", "PersonUpdated", "PersonMoved", "MovementCreated", "MovementStarted", "MovementHeld", "MovementResumed", "MovementCompleted", "MovementCancelled",
            "DrawdownTargetCreated", "DrawdownTargetUpdated", "DrawdownTargetDeleted", "DrawdownTargetUndeleted" }
            .Select(e => $"missionops.personnel.v1.{e}"),
    ];

    public static Task FollowSitesAsync(UserCalls calls, string missionId, string? resource, DateTimeOffset drawnAt, Func<Task> changed,
        CancellationToken cancellationToken) =>
        FollowAsync((after, token) => calls.Services.Sites.WatchEvents(
            new Sites.V1.WatchEventsRequest { Parent = $"missions/{missionId}", AfterSequence = after }, cancellationToken: token),
            resource, drawnAt, changed, cancellationToken);

    /// <summary>Personnel's feed, for those whose role reads it (it carries people's movements): a viewer's page is refreshed by time instead.</summary>
    public static Task FollowHeadcountAsync(UserCalls calls, string missionId, DateTimeOffset drawnAt, Func<Task> changed, CancellationToken cancellationToken) =>
        FollowAsync((after, token) => calls.Services.Personnel.WatchEvents(
            new Personnel.V1.WatchEventsRequest { Parent = $"missions/{missionId}", AfterSequence = after, EventTypes = { HeadcountEvents } },
            cancellationToken: token),
            null, drawnAt, changed, cancellationToken);

    /// <summary>
    /// Liquidation's outlooks: a site's forecast crossing its phase's end (of <paramref name="site"/> only, for its page) redraws
    /// the page, as Liquidation finds it a moment after the change that moved it.
    /// </summary>
    public static Task FollowOutlooksAsync(UserCalls calls, string missionId, string? site, DateTimeOffset drawnAt, Func<Task> changed,
        CancellationToken cancellationToken) =>
        FollowAsync((after, token) => calls.Services.Liquidation.WatchEvents(
            new Liquidation.V1.WatchEventsRequest
            {
                Parent = $"missions/{missionId}", AfterSequence = after,
                EventTypes = { Liquidation.V1.SiteOutlookAtRisk.Descriptor.FullName, Liquidation.V1.SiteOutlookOnTrack.Descriptor.FullName },
            }, cancellationToken: token),
            site is null ? null : $"{site}/outlook", drawnAt, changed, cancellationToken);

    private static async Task FollowAsync(Func<long, CancellationToken, AsyncServerStreamingCall<ChangeEvent>> watch, string? resource,
        DateTimeOffset drawnAt, Func<Task> changed, CancellationToken cancellationToken)
    {
        // A feed is read from its start (it has no "from now"), and what was recorded before the page was drawn is skipped.
        var since = Timestamp.FromDateTimeOffset(drawnAt - ClockAllowance);
        var pending = 0;
        await foreach (var change in Feeds.Follow(watch, 0, cancellationToken))
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
