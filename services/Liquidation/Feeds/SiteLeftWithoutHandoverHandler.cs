using Microsoft.EntityFrameworkCore;
using MissionOps.Common.V1;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.Disposals;
using MissionOps.ServiceDefaults.Changes;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.Sites.V1;
using AssetState = MissionOps.Liquidation.V1.AssetState;
using DisposalState = MissionOps.Liquidation.V1.DisposalState;
using Ownership = MissionOps.Liquidation.V1.Ownership;

namespace MissionOps.Liquidation.Feeds;

/// <summary>
/// A site left without handover writes off the mission's assets still there: a loss, under the
/// board's reference, approved by the approver who recorded the site's end; a disposal proposed when
/// the site closed becomes that write-off. Contingent-owned equipment stays on its country's track.
/// Runs in the change the Sites feed handler makes of the event (<see cref="SiteClosedHandler"/>).
/// </summary>
public sealed class SiteLeftWithoutHandoverHandler(LiquidationDbContext db, TimeProvider clock, ILogger<SiteLeftWithoutHandoverHandler> logger)
{
    public async Task<IReadOnlyCollection<IAggregate>> WriteOffAsync(ChangeEvent change, CancellationToken ct)
    {
        if (!change.Payload.TryUnpack<SiteLeftWithoutHandover>(out var leftSite) || leftSite.Site is not { LeftWithoutHandover: { } left } site)
        {
            return [];
        }

        var missionId = site.Name.Split('/')[1];
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.MissionId == missionId, ct);
        if (plan is null)
        {
            logger.LogWarning("{Site} left without handover, but missions/{Mission} has no liquidation plan: nothing written off", site.Name, missionId);
            return [];
        }

        var loss = new SiteLoss(site.Name, new Text(site.DisplayName.En, site.DisplayName.Fr), Words(left.Circumstance), left.LeftDate.ToDateOnly()!.Value,
            left.BoardReference, left.AuthorisedBy, DateOnly.FromDateTime(left.RecordTime.ToDateTime()));
        var now = clock.GetStorableUtcNow();
        var writtenOff = new List<DisposalCase>();
        foreach (var asset in await db.Assets.Where(a => a.MissionId == missionId && a.Site == site.Name && a.State != AssetState.Disposed).ToListAsync(ct))
        {
            if (asset.Ownership == Ownership.ContingentOwned)
            {
                logger.LogInformation("{Asset} left at {Site} is contingent-owned: its country decides, nothing written off", asset.Name, site.Name);
                continue;
            }

            try
            {
                var disposal = await db.DisposalCases.SingleOrDefaultAsync(
                    d => d.MissionId == missionId && d.AssetId == asset.Id && d.State != DisposalState.Disposed, ct);
                if (disposal is null)
                {
                    var id = await db.DisposalCases.AnyAsync(d => d.MissionId == missionId && d.Id == asset.Id, ct) ? $"{asset.Id}-loss" : asset.Id;
                    disposal = DisposalCase.OpenLoss(id, asset, plan, loss, $"{SiteClosedHandler.Feed}#{change.Sequence} {change.Type} {site.Name}", now);
                    db.DisposalCases.Add(disposal);
                }
                else
                {
                    disposal.WriteOffLoss(asset, loss, now);
                }

                writtenOff.Add(disposal);
            }
            catch (RuleViolationException refused)
            {
                logger.LogWarning("{Asset}: not written off with {Site}: {Reason}", asset.Name, site.Name, refused.Message);
            }
        }

        logger.LogInformation("{Site} left without handover ({Reference}): {Count} asset(s) written off", site.Name, loss.BoardReference, writtenOff.Count);
        return writtenOff;
    }

    private static Text Words(LeftCircumstance circumstance) => circumstance switch
    {
        LeftCircumstance.Abandoned => new("abandoned", "abandonné"),
        LeftCircumstance.Seized => new("seized", "saisi"),
        LeftCircumstance.Destroyed => new("destroyed", "détruit"),
        _ => new("left", "quitté"),
    };
}
