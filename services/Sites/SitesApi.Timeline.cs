using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Events;
using MissionOps.Common.V1;
using MissionOps.Sites.Sites;
using MissionOps.Sites.Timeline;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.V1;

namespace MissionOps.Sites;

public sealed partial class SitesApi
{
    public override async Task<DrawdownTimeline> GetDrawdownTimeline(GetDrawdownTimelineRequest request, ServerCallContext context)
    {
        var mission = await FindMissionAsync("mission", request.Mission, Token(context));
        var phases = await db.DrawdownPhases.AsNoTracking().Where(p => p.MissionId == mission.Id).ToListAsync(Token(context));
        var sites = await db.Sites.AsNoTracking().Where(s => s.MissionId == mission.Id).InScope().ToListAsync(Token(context));
        return TimelineMapping.Build(mission.Name, phases, sites);
    }

    public override Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<ChangeEvent> responseStream, ServerCallContext context)
    {
        var (missionId, after, types) = EventFeed.Parse(request.Parent, request.AfterSequence, request.EventTypes, changes.Contracts.EventTypes);
        // A caller limited to some regions follows the changes of its regions' sites and regions only.
        var scope = RegionScope.Current;
        return EventFeed.StreamAsync(db, OutboxSignal.Of(context), missionId, after, types,
            e => scope is not null && e.Payload is not null && !InScope(scope, changes.Contracts.ImageIn(e))
                ? Task.CompletedTask
                : responseStream.WriteAsync(e, context.CancellationToken),
            context.CancellationToken);
    }

    private static bool InScope(RegionScope scope, Google.Protobuf.IMessage image) => image switch
    {
        V1.Site site => scope.Includes(site.Location?.RegionPcode),
        V1.Region region => scope.Includes(region.Pcode),
        _ => true,
    };

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var (entries, next) = await AuditLog.ListAsync(db, request.Parent, request.PageSize, request.PageToken, request.Resource, request.Subject,
            request.Method, context.CancellationToken);
        return new ListAuditEntriesResponse { AuditEntries = { entries }, NextPageToken = next };
    }
}
