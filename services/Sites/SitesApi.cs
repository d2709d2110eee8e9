using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.V1;

namespace MissionOps.Sites;

/// <summary>
/// The gRPC endpoints: each maps the request, lets the domain decide, and maps the answer.
/// Split by feature over several files.
/// </summary>
public sealed partial class SitesApi(SitesDbContext db, ChangePipeline<SitesDbContext> changes, TimeProvider clock, Closure.ISiteClearance clearance) : SitesService.SitesServiceBase
{
    private DateTimeOffset Now => clock.GetStorableUtcNow();

    private async Task<Missions.Mission> FindMissionAsync(string field, string? name, CancellationToken ct)
    {
        var id = ResourceName.Parse(field, name, "missions")[0];
        return await db.Missions.SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException("missionops.un.org/Mission", $"missions/{id}");
    }

    /// <summary>A site read and not changed: compiled once, so a point read does not translate its query again each time.</summary>
    private static readonly Func<SitesDbContext, string, string, CancellationToken, Task<Sites.Site?>> ReadSite =
        EF.CompileAsyncQuery((SitesDbContext db, string missionId, string id, CancellationToken _) =>
            db.Sites.AsNoTracking().SingleOrDefault(s => s.MissionId == missionId && s.Id == id));

    private async Task<Sites.Site> FindSiteAsync(string field, string? name, CancellationToken ct, bool tracked = true)
    {
        var ids = ResourceName.Parse(field, name, "missions", "sites");
        var site = tracked
            ? await db.Sites.SingleOrDefaultAsync(s => s.MissionId == ids[0] && s.Id == ids[1], ct)
            : await ReadSite(db, ids[0], ids[1], ct);
        // A site outside the caller's regions is answered as one that does not exist.
        return site is not null && RegionScope.Allows(site.Location.RegionPcode)
            ? site
            : throw new NotFoundException("missionops.un.org/Site", $"missions/{ids[0]}/sites/{ids[1]}");
    }

    private static CancellationToken Token(ServerCallContext context) => context.CancellationToken;

    /// <summary>Who is deciding: the token's subject, as the audit log records it.</summary>
    private static string Caller(ServerCallContext context) => AuditScope.Current?.Subject ?? context.GetHttpContext().User.FindFirst("sub")?.Value ?? "unknown";
}
