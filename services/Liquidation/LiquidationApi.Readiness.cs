using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Events;
using MissionOps.Common.V1;
using Grpc.Core;
using MissionOps.Liquidation.V1;
using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.Liquidation;

public sealed partial class LiquidationApi
{
    public override Task<ClosureReadiness> GetClosureReadiness(GetClosureReadinessRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("mission", request.Mission, "missions")[0];
        return readiness.BuildAsync(missionId, Today, Token(context));
    }

    public override Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<ChangeEvent> responseStream, ServerCallContext context)
    {
        var (missionId, after, types) = EventFeed.Parse(request.Parent, request.AfterSequence, request.EventTypes);
        return EventFeed.StreamAsync(db, missionId, after, types, e => responseStream.WriteAsync(e, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var (entries, next) = await AuditLog.ListAsync(db, request.Parent, request.PageSize, request.PageToken, request.Resource, request.Subject,
            request.Method, context.CancellationToken);
        return new ListAuditEntriesResponse { AuditEntries = { entries }, NextPageToken = next };
    }
}
