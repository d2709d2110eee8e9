using MissionOps.Sites.Phases;
using MissionOps.Sites.V1;

namespace MissionOps.Sites;

public sealed partial class SitesApi
{
    public override async Task<V1.DrawdownPhase> CreateDrawdownPhase(CreateDrawdownPhaseRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        v.RequestId("request_id", request.RequestId);
        var phase = PhaseMapping.Parse(v, missionId, request, Now);
        v.ThrowIfInvalid();
        await FindMissionAsync("parent", request.Parent, Token(context));

        return await changes.CreateAsync<V1.DrawdownPhase, Phases.DrawdownPhase>(request, [missionId, phase.Id], async ct =>
        {
            var sameOrdinal = await db.DrawdownPhases
                .Where(p => p.MissionId == missionId && p.Ordinal == phase.Ordinal)
                .Select(p => p.Id)
                .FirstOrDefaultAsync(ct);
            if (sameOrdinal is not null)
            {
                throw new InvalidArgumentException("drawdown_phase.ordinal",
                    $"{phase.Ordinal} is already the ordinal of {Sites.SiteMapping.PhaseName(missionId, sameOrdinal)}");
            }

            return phase;
        }, Token(context));
    }

    public override async Task<V1.DrawdownPhase> GetDrawdownPhase(GetDrawdownPhaseRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "drawdownPhases");
        return (await db.DrawdownPhases.AsNoTracking().SingleOrDefaultAsync(p => p.MissionId == ids[0] && p.Id == ids[1], Token(context)))?.ToProto()
            ?? throw new NotFoundException("missionops.un.org/DrawdownPhase", request.Name);
    }

    public override async Task<ListDrawdownPhasesResponse> ListDrawdownPhases(ListDrawdownPhasesRequest request, ServerCallContext context)
    {
        var mission = await FindMissionAsync("parent", request.Parent, Token(context));
        var page = PageRequest.Parse(request.PageSize, request.PageToken);
        var after = 0;
        if (page.AfterKey is not null && !int.TryParse(page.AfterKey, System.Globalization.CultureInfo.InvariantCulture, out after))
        {
            throw new InvalidArgumentException("page_token", "is not a token this service issued");
        }

        var phases = await db.DrawdownPhases.AsNoTracking()
            .Where(p => p.MissionId == mission.Id && p.Ordinal > after)
            .OrderBy(p => p.Ordinal)
            .Take(page.Size)
            .ToListAsync(Token(context));
        return new ListDrawdownPhasesResponse
        {
            DrawdownPhases = { phases.Select(p => p.ToProto()) },
            NextPageToken = page.NextToken(phases, p => p.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
