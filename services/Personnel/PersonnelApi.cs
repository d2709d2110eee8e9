using MissionOps.Personnel.Headcount;
using MissionOps.Personnel.Telemetry;
using MissionOps.Sites.Client;

namespace MissionOps.Personnel;

/// <summary>The gRPC endpoints: map the request, let the domain decide, map the answer. Split by feature.</summary>
public sealed partial class PersonnelApi(
    PersonnelDbContext db,
    ChangePipeline<PersonnelDbContext> changes,
    TimeProvider clock,
    SitesDirectory sites,
    SiteRegions siteRegions,
    HeadcountQueries headcounts,
    PersonnelMetrics metrics,
    IConfiguration configuration) : V1.PersonnelService.PersonnelServiceBase
{
    private DateTimeOffset Now => clock.GetStorableUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static CancellationToken Token(ServerCallContext context) => context.CancellationToken;

    private async Task<People.Person> FindPersonAsync(string field, string? name, CancellationToken ct)
    {
        var ids = ResourceName.Parse(field, name, "missions", "personnel");
        return await db.Personnel.SingleOrDefaultAsync(p => p.MissionId == ids[0] && p.Id == ids[1], ct) ?? throw PersonNotFound(ids);
    }

    private static NotFoundException PersonNotFound(string[] ids) => new("missionops.un.org/Person", $"missions/{ids[0]}/personnel/{ids[1]}");

    private async Task<Movements.Movement> FindMovementAsync(string field, string? name, CancellationToken ct)
    {
        var ids = ResourceName.Parse(field, name, "missions", "movements");
        return await db.Movements.SingleOrDefaultAsync(m => m.MissionId == ids[0] && m.Id == ids[1], ct)
            ?? throw new NotFoundException("missionops.un.org/Movement", $"missions/{ids[0]}/movements/{ids[1]}");
    }
}
