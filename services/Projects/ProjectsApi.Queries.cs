using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Events;
using MissionOps.Common.V1;
using Google.Protobuf;
using MissionOps.Projects.Projects;
using MissionOps.Projects.V1;

namespace MissionOps.Projects;

public sealed partial class ProjectsApi
{
    private static readonly V1.ActivityStatus[] EndStatuses = [V1.ActivityStatus.Closed, V1.ActivityStatus.Cancelled];

    public override async Task<ListOpenProjectsResponse> ListOpenProjects(ListOpenProjectsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        v.Check(!string.IsNullOrEmpty(request.Site) || !string.IsNullOrEmpty(request.DistrictPcode), "site", "name a site or a district_pcode");
        if (!string.IsNullOrEmpty(request.Site))
        {
            v.Name("site", request.Site, "missions", "sites");
        }

        v.ThrowIfInvalid();
        var filters = $"{request.Site}|{request.DistrictPcode}";
        var page = PageRequest.Parse(request.PageSize, request.PageToken, filters);
        var after = page.AfterKey ?? string.Empty;
        // Whether a project blocks closure, and whether it lies in the caller's regions, is decided in memory: the page
        // is cut from what remains, a site's open projects being few.
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.MissionId == missionId && !EndStatuses.Contains(p.Status) && string.Compare(p.Id, after) > 0)
            .Where(p => (request.Site != "" && p.Sites.Contains(request.Site)) || (request.DistrictPcode != "" && p.Districts.Contains(request.DistrictPcode)))
            .OrderBy(p => p.Id)
            .ToListAsync(Token(context));
        var inScope = await regions.FilterAsync(missionId, Token(context)) ?? (_ => true);
        var open = projects.Where(p => p.BlocksClosure && inScope(p)).Take(page.Size).ToList();
        return new ListOpenProjectsResponse
        {
            Projects = { open.Select(p => p.ToProto(codes)) },
            NextPageToken = page.NextToken(open, p => p.Id, filters),
        };
    }

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<ChangeEvent> responseStream, ServerCallContext context)
    {
        var (missionId, after, types) = EventFeed.Parse(request.Parent, request.AfterSequence, request.EventTypes, changes.Contracts.EventTypes);
        // A caller limited to some regions follows its regions' projects only, placed as each event's project stands.
        var scope = ServiceDefaults.Security.RegionScope.Current;
        IReadOnlySet<string>? sitesInScope = scope is null || missionId == EventFeed.AllMissions
            ? null
            : await siteRegions.VisibleAsync(missionId, Token(context));
        await EventFeed.StreamAsync(db, OutboxSignal.Of(context), missionId, after, types,
            e => scope is not null && e.Payload is not null && !InScope(scope, sitesInScope, changes.Contracts.ImageIn(e))
                ? Task.CompletedTask
                : responseStream.WriteAsync(e, context.CancellationToken),
            context.CancellationToken);
    }

    /// <summary>The mission's quick-impact rules lie in no region: every viewer of the mission reads them.</summary>
    private static bool InScope(ServiceDefaults.Security.RegionScope scope, IReadOnlySet<string>? sitesInScope, IMessage image) => image switch
    {
        V1.Project project => project.Locations.Any(l =>
            scope.Includes(l.RegionPcode) || scope.Includes(l.DistrictPcode) || (sitesInScope?.Contains(l.Site) ?? false)),
        _ => true,
    };

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var (entries, next) = await AuditLog.ListAsync(db, request.Parent, request.PageSize, request.PageToken, request.Resource, request.Subject,
            request.Method, context.CancellationToken);
        return new ListAuditEntriesResponse { AuditEntries = { entries }, NextPageToken = next };
    }
}
