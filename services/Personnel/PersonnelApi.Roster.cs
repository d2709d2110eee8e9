using MissionOps.Personnel.People;
using MissionOps.Personnel.Roster;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    private const int MaxListedRemaining = 100;

    public override async Task<V1.ResidualRosterEntry> CreateResidualRosterEntry(CreateResidualRosterEntryRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "residual_roster_entry", request.ResidualRosterEntry);

        var personIds = v.Name("residual_roster_entry.person", input.Person, "missions", "personnel");
        v.Check(personIds[0].Length == 0 || personIds[0] == missionId, "residual_roster_entry.person", "must be someone of the same mission");
        var group = v.Enum("residual_roster_entry.group", input.Group);
        var role = v.Bilingual("residual_roster_entry.role", input.Role);
        var endDate = v.Date("residual_roster_entry.end_date", input.EndDate);
        if (missionId.Length > 0)
        {
            await sites.CheckAsync(v, missionId, [("residual_roster_entry.site", input.Site)], Token(context));
        }

        v.ThrowIfInvalid();
        var person = await FindPersonAsync("residual_roster_entry.person", input.Person, Token(context));
        var entry = Roster.ResidualRosterEntry.Create(missionId, person.Id, group, role, input.Site, endDate, Now);

        return await changes.CreateAsync<V1.ResidualRosterEntry>(request, entry, Token(context));
    }

    public override async Task<ListResidualRosterEntriesResponse> ListResidualRosterEntries(ListResidualRosterEntriesRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("parent", request.Parent, "missions")[0];
        var (entries, next) = await db.ResidualRoster.AsNoTracking().Where(e => e.MissionId == missionId)
            .PageAsync(request.PageSize, request.PageToken, e => e.PersonId, Token(context));
        return new ListResidualRosterEntriesResponse { ResidualRosterEntries = { entries.Select(e => e.ToProto()) }, NextPageToken = next };
    }

    public override async Task<SiteOccupancy> GetSiteOccupancy(GetSiteOccupancyRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var ids = v.Name("site", request.Site, "missions", "sites");
        var asOf = v.OptionalDate("as_of_date", request.AsOfDate) ?? Today;
        v.ThrowIfInvalid();
        await siteRegions.CheckVisibleAsync(ids[0], request.Site, Token(context));

        var present = await headcounts.PresentAtAsync(ids[0], request.Site, asOf, asOf > Today, Token(context));
        var remainingIds = present.Where(p => !p.Residual).Take(MaxListedRemaining).Select(p => p.Id).ToList();
        var remaining = await db.Personnel.AsNoTracking()
            .Where(p => p.MissionId == ids[0] && remainingIds.Contains(p.Id))
            .OrderBy(p => p.IndexNumber)
            .ToListAsync(Token(context));
        return new SiteOccupancy
        {
            Site = request.Site,
            AsOfDate = asOf.ToProto(),
            PresentCount = present.Count,
            ResidualCount = present.Count(p => p.Residual),
            RemainingCount = present.Count(p => !p.Residual),
            Remaining = { remaining.Select(p => p.ToProto(request.Site, repatriated: false)) },
        };
    }
}
