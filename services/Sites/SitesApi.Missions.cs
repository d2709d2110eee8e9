using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Missions;
using MissionOps.Sites.V1;

namespace MissionOps.Sites;

public sealed partial class SitesApi
{
    private static readonly HashSet<string> UpdatableMissionPaths =
        ["display_name", "display_name.en", "display_name.fr", "mandate_start_date", "mandate_end_date", "liquidation_start_date"];

    public override Task<V1.Mission> CreateMission(CreateMissionRequest request, ServerCallContext context)
    {
        var mission = MissionMapping.Parse(request, Now, out _);
        return changes.CreateAsync<V1.Mission>(request, mission, Token(context));
    }

    public override async Task<V1.Mission> GetMission(GetMissionRequest request, ServerCallContext context) =>
        (await FindMissionAsync("name", request.Name, Token(context))).ToProto();

    public override async Task<ListMissionsResponse> ListMissions(ListMissionsRequest request, ServerCallContext context)
    {
        // A caller sees only the missions it holds a role in; another mission's existence is not its business.
        var readable = MissionRoles.ReadableMissions(context.GetHttpContext().User);
        var (missions, next) = await db.Missions.AsNoTracking().Where(m => readable == null || readable.Contains(m.Id))
            .PageAsync(request.PageSize, request.PageToken, m => m.Id, Token(context));
        return new ListMissionsResponse { Missions = { missions.Select(m => m.ToProto()) }, NextPageToken = next };
    }

    public override async Task<V1.Mission> UpdateMission(UpdateMissionRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (_, paths) = v.Update("mission", request.Mission, request.UpdateMask, request.RequestId, UpdatableMissionPaths, nameof(UpdateMission));
        var current = await FindMissionAsync("mission.name", request.Mission!.Name, Token(context));
        var terms = MissionTerms.Of(v, RequestValidator.Merged(current.ToProto(), request.Mission, paths));
        v.ThrowIfInvalid();

        return await changes.RunAsync<V1.Mission>(request, async ct =>
        {
            var mission = await FindMissionAsync("mission.name", request.Mission.Name, ct);
            mission.Correct(terms, Now);
            return mission;
        }, Token(context));
    }
}
