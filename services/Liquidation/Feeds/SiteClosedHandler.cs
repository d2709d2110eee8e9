using Microsoft.EntityFrameworkCore;
using MissionOps.Common.V1;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.Disposals;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.Sites.V1;
using AssetState = MissionOps.Liquidation.V1.AssetState;

namespace MissionOps.Liquidation.Feeds;

/// <summary>
/// A closed site opens the disposal of the assets registered there; a site left without handover
/// writes them off (<see cref="SiteLeftWithoutHandoverHandler"/>). Each event goes through the change
/// pipeline's feed entry, which keeps the cursor: an event handled twice finds it past and changes nothing.
/// </summary>
public sealed class SiteClosedHandler(LiquidationDbContext db, ChangePipeline<LiquidationDbContext> changes, TimeProvider clock,
    SiteLeftWithoutHandoverHandler leftWithoutHandover, ILogger<SiteClosedHandler> logger)
{
    public const string Feed = ServiceNames.Sites;

    /// <summary>The Sites feed's events Liquidation acts on.</summary>
    public static readonly string[] EventTypes = [SiteClosed.Descriptor.FullName, SiteLeftWithoutHandover.Descriptor.FullName];

    /// <summary>Acts on an event of the Sites feed once; false when it was handled already or its liquidation is closed.</summary>
    public Task<bool> HandleAsync(ChangeEvent change, CancellationToken cancellationToken) =>
        changes.RunFeedAsync(ServiceNames.Liquidation, Feed, change, ct => change.Payload.Is(SiteLeftWithoutHandover.Descriptor)
            ? leftWithoutHandover.WriteOffAsync(change, ct)
            : OpenDisposalsAsync(change, ct), cancellationToken);

    private async Task<IReadOnlyCollection<IAggregate>> OpenDisposalsAsync(ChangeEvent change, CancellationToken ct)
    {
        if (!change.Payload.TryUnpack<SiteClosed>(out var closed))
        {
            return [];
        }

        var site = closed.Site;
        var missionId = site.Name.Split('/')[1];
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.MissionId == missionId, ct);
        if (plan is null)
        {
            logger.LogWarning("{Site} closed, but missions/{Mission} has no liquidation plan: no disposal opened", site.Name, missionId);
            return [];
        }

        var now = clock.GetStorableUtcNow();
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
        logger.LogInformation("{Site} closed: {Count} disposal case(s) opened", site.Name, opened.Count);
        return opened;
    }
}
