using MissionOps.Sites.Exports;
using MissionOps.Sites.Sites;
using MissionOps.Sites.V1;

namespace MissionOps.Sites;

public sealed partial class SitesApi
{
    public override async Task<ExportSitesHxlResponse> ExportSitesHxl(ExportSitesHxlRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        v.Name("parent", request.Parent, "missions");
        var asOf = v.OptionalDate("as_of_date", request.AsOfDate);
        v.ThrowIfInvalid();

        var mission = await FindMissionAsync("parent", request.Parent, Token(context));
        var regions = await db.Regions.AsNoTracking().Where(r => r.MissionId == mission.Id).InScope().ToListAsync(Token(context));
        var phases = await db.DrawdownPhases.AsNoTracking().Where(p => p.MissionId == mission.Id).ToListAsync(Token(context));
        var sites = await db.Sites.AsNoTracking().Where(s => s.MissionId == mission.Id).InScope().ToListAsync(Token(context));
        var days = SiteOnDay.All(sites, phases, asOf);
        return new ExportSitesHxlResponse { Csv = SitesHxl.Write(mission, regions, days), SiteCount = days.Count };
    }
}
