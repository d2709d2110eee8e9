using Microsoft.EntityFrameworkCore;
using MissionOps.Common.V1;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.Disposals;
using MissionOps.Liquidation;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Events;
using MissionOps.Sites.V1;
using MissionOps.ServiceDefaults.Data;
using AssetState = MissionOps.Liquidation.V1.AssetState;

namespace MissionOps.Liquidation.Feeds;

/// <summary>
/// A closed site opens the disposal of the assets registered there; a site left without handover
/// writes them off (<see cref="SiteLeftWithoutHandoverHandler"/>). The cases and the feed cursor are
/// written in one transaction; an event handled twice finds its assets already in disposal and
/// opens nothing more.
/// </summary>
public sealed class SiteClosedHandler(LiquidationDbContext db, ChangeContracts contracts, TimeProvider clock, SiteLeftWithoutHandoverHandler leftWithoutHandover,
    ILogger<SiteClosedHandler> logger)
{
    public const string Feed = ServiceNames.Sites;

    /// <summary>The Sites feed's events Liquidation acts on.</summary>
    public static readonly string[] EventTypes = [SiteClosed.Descriptor.FullName, SiteLeftWithoutHandover.Descriptor.FullName];

    public async Task<long> CursorAsync(CancellationToken ct) =>
        await db.Set<FeedCursor>().Where(c => c.Feed == Feed).Select(c => (long?)c.Sequence).SingleOrDefaultAsync(ct) ?? 0;

    public async Task HandleAsync(ChangeEvent change, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Replicas of Liquidation all follow the feed: one handles an event, the others then find the cursor past it.
            await TransactionLock.TakeAsync(db, "missionops.feed.sites", ct);
            var cursor = await db.Set<FeedCursor>().SingleOrDefaultAsync(c => c.Feed == Feed, ct);
            if (cursor?.Sequence >= change.Sequence)
            {
                return;
            }

            if (change.Payload.Is(SiteLeftWithoutHandover.Descriptor))
            {
                await leftWithoutHandover.WriteOffAsync(change, ct);
            }
            else
            {
                await OpenDisposalsAsync(change, ct);
            }

            if (cursor is null)
            {
                db.Set<FeedCursor>().Add(cursor = new FeedCursor { Feed = Feed });
            }

            cursor.Sequence = change.Sequence;
            cursor.UpdateTime = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    private async Task OpenDisposalsAsync(ChangeEvent change, CancellationToken ct)
    {
        if (!change.Payload.TryUnpack<SiteClosed>(out var closed))
        {
            return;
        }

        var site = closed.Site;

        var missionId = site.Name.Split('/')[1];
        if (await Closing.LiquidationClosure.LockAsync(db, missionId, exclusive: false, ct) is { } issued)
        {
            logger.LogInformation("{Site} closed, but the liquidation of missions/{Mission} closed with {Report}: no disposal opened",
                site.Name, missionId, issued.DocumentReference);
            return;
        }

        var plan = await db.Plans.SingleOrDefaultAsync(p => p.MissionId == missionId, ct);
        if (plan is null)
        {
            logger.LogWarning("{Site} closed, but missions/{Mission} has no liquidation plan: no disposal opened", site.Name, missionId);
            return;
        }

        var now = clock.GetUtcNow();
        var opened = new List<DisposalCase>();
        foreach (var asset in await db.Assets.Where(a => a.MissionId == missionId && a.Site == site.Name && a.State == AssetState.Registered).ToListAsync(ct))
        {
            if (DefaultDisposal.For(asset) is not { } disposal || await db.DisposalCases.AnyAsync(d => d.MissionId == missionId && d.Id == asset.Id, ct))
            {
                continue;
            }

            try
            {
                opened.Add(DisposalCase.Open(asset.Id, asset, disposal.Group, disposal.Method, plan,
                    $"{Feed}#{change.Sequence} {change.Type} {site.Name}", now));
            }
            catch (RuleViolationException refused)
            {
                logger.LogWarning("{Asset}: no disposal opened on {Site} closing: {Reason}", asset.Name, site.Name, refused.Message);
            }
        }

        db.DisposalCases.AddRange(opened);
        await db.SaveChangesAsync(ct);
        await FeedChanges.RecordAsync(db, contracts, change, opened, now, ct);

        logger.LogInformation("{Site} closed: {Count} disposal case(s) opened", site.Name, opened.Count);
    }
}
