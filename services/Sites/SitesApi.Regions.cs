using MissionOps.Sites.Regions;
using MissionOps.Sites.Sites;
using MissionOps.Sites.V1;

namespace MissionOps.Sites;

public sealed partial class SitesApi
{
    public override async Task<V1.Region> CreateRegion(CreateRegionRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        v.RequestId("request_id", request.RequestId);
        var mission = missionId.Length > 0 ? await FindMissionAsync("parent", request.Parent, Token(context)) : null;
        var region = RegionMapping.Parse(v, missionId, mission?.HostCountryCode ?? string.Empty, request.Region, Now);
        v.ThrowIfInvalid();

        return await changes.CreateAsync<V1.Region>(request, region, Token(context));
    }

    public override async Task<V1.Region> GetRegion(GetRegionRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "regions");
        return (await db.Regions.AsNoTracking().Where(r => r.MissionId == ids[0] && r.Id == ids[1]).InScope().SingleOrDefaultAsync(Token(context)))?.ToProto()
            ?? throw new NotFoundException("missionops.un.org/Region", request.Name);
    }

    public override async Task<ListRegionsResponse> ListRegions(ListRegionsRequest request, ServerCallContext context)
    {
        var mission = await FindMissionAsync("parent", request.Parent, Token(context));
        var (regions, next) = await db.Regions.AsNoTracking().Where(r => r.MissionId == mission.Id).InScope()
            .PageAsync(request.PageSize, request.PageToken, r => r.Id, Token(context));
        return new ListRegionsResponse { Regions = { regions.Select(r => r.ToProto()) }, NextPageToken = next };
    }
}
