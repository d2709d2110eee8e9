using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Events;
using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    public override async Task<ClosureReadiness> GetClosureReadiness(GetClosureReadinessRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("mission", request.Mission, "missions")[0];
        return await readiness.BuildAsync(missionId, Today, Token(context),
            await Readiness.ReadinessRegions.OfCallerAsync(siteRegions, missionId, Token(context)));
    }

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<ChangeEvent> responseStream, ServerCallContext context)
    {
        var (missionId, after, types) = EventFeed.Parse(request.Parent, request.AfterSequence, request.EventTypes, changes.Contracts.EventTypes);
        await EventFeed.StreamAsync(db, OutboxSignal.Of(context), missionId, after, types, async e =>
        {
            if (await InScopeAsync(e, Token(context)))
            {
                await responseStream.WriteAsync(e, context.CancellationToken);
            }
        }, context.CancellationToken);
    }

    /// <summary>
    /// A caller limited to some regions follows what happens to the assets at its regions' sites, and their disposals, and
    /// its sites' outlooks only; a deleted asset's events too, as a mirror needs them.
    /// </summary>
    private async Task<bool> InScopeAsync(ChangeEvent e, CancellationToken ct)
    {
        // A heartbeat carries nothing, so it is in every scope.
        if (RegionScope.Current is null || e.Payload is null)
        {
            return true;
        }

        var image = changes.Contracts.ImageIn(e);
        if (image is V1.SiteOutlook outlook)
        {
            return outlook.Site.Split('/') is ["missions", var mission, "sites", _] && await siteRegions.IsVisibleAsync(mission, outlook.Site, ct);
        }

        var asset = image switch
        {
            V1.Asset a => a.Name,
            V1.DisposalCase d => d.Asset,
            _ => null,
        };
        var ids = asset?.Split('/');
        return ids is { Length: 4 } && await db.Assets.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(x => x.MissionId == ids[1] && x.Id == ids[3], ct) is { } found
            && await siteRegions.IsVisibleAsync(found.MissionId, found.Site, ct);
    }

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var (entries, next) = await AuditLog.ListAsync(db, request.Parent, request.PageSize, request.PageToken, request.Resource, request.Subject,
            request.Method, context.CancellationToken);
        return new ListAuditEntriesResponse { AuditEntries = { entries }, NextPageToken = next };
    }
}
