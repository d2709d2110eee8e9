using MissionOps.Personnel.People;
using MissionOps.Personnel.Roster;
using MissionOps.Personnel.V1;

namespace MissionOps.Personnel;

public sealed partial class PersonnelApi
{
    private const int MaxListedRemaining = 100;

    private static readonly Correction RosterEntryCorrection =
        new("residual_roster_entry", "residualRosterEntries", ["group", "role", "site", "end_date"], nameof(UpdateResidualRosterEntry));

    public override async Task<V1.ResidualRosterEntry> CreateResidualRosterEntry(CreateResidualRosterEntryRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "residual_roster_entry", request.ResidualRosterEntry);

        var personIds = v.Name("residual_roster_entry.person", input.Person, "missions", "personnel");
        v.Check(personIds[0].Length == 0 || personIds[0] == missionId, "residual_roster_entry.person", "must be someone of the same mission");
        var terms = await RetentionAsync(v, missionId, input, checkSite: true, Token(context));
        v.ThrowIfInvalid();
        var person = await FindPersonAsync("residual_roster_entry.person", input.Person, Token(context));
        var entry = Roster.ResidualRosterEntry.Create(missionId, person.Id, terms, Now);

        return await changes.CreateAsync<V1.ResidualRosterEntry>(request, entry, Token(context));
    }

    public override async Task<V1.ResidualRosterEntry> GetResidualRosterEntry(GetResidualRosterEntryRequest request, ServerCallContext context)
    {
        var ids = ResourceName.Parse("name", request.Name, "missions", "residualRosterEntries");
        return (await FindAnyAsync<Roster.ResidualRosterEntry>(ids, request.Name, Token(context))).ToProto();
    }

    public override async Task<ListResidualRosterEntriesResponse> ListResidualRosterEntries(ListResidualRosterEntriesRequest request, ServerCallContext context)
    {
        var missionId = ResourceName.Parse("parent", request.Parent, "missions")[0];
        var (entries, next) = await db.ResidualRoster.Shown(request.ShowDeleted).Where(e => e.MissionId == missionId)
            .PageAsync(request.PageSize, request.PageToken, e => e.PersonId, Token(context), SoftDeleteFilters.Fingerprint(request.ShowDeleted));
        return new ListResidualRosterEntriesResponse { ResidualRosterEntries = { entries.Select(e => e.ToProto()) }, NextPageToken = next };
    }

    public override Task<V1.ResidualRosterEntry> UpdateResidualRosterEntry(UpdateResidualRosterEntryRequest request, ServerCallContext context) =>
        CorrectAsync<Roster.ResidualRosterEntry, V1.ResidualRosterEntry, RetentionTerms>(request, RosterEntryCorrection, request.ResidualRosterEntry,
            request.UpdateMask, request.RequestId, (v, missionId, merged, paths) => RetentionAsync(v, missionId, merged, paths.Contains("site"), Token(context)),
            (entry, terms) => entry.Correct(terms), context);

    public override Task<V1.ResidualRosterEntry> DeleteResidualRosterEntry(DeleteResidualRosterEntryRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Roster.ResidualRosterEntry, V1.ResidualRosterEntry>(request, request.Name, request.RequestId, "residualRosterEntries",
            entry => entry.Delete(Now), context);

    public override Task<V1.ResidualRosterEntry> UndeleteResidualRosterEntry(UndeleteResidualRosterEntryRequest request, ServerCallContext context) =>
        ChangeNamedAsync<Roster.ResidualRosterEntry, V1.ResidualRosterEntry>(request, request.Name, request.RequestId, "residualRosterEntries",
            entry => entry.Undelete(), context);

    /// <summary>The retention as sent, checked as on create; the site is asked of Sites only when it is new (a correction may leave it).</summary>
    private async Task<RetentionTerms> RetentionAsync(RequestValidator v, string missionId, V1.ResidualRosterEntry input, bool checkSite,
        CancellationToken ct)
    {
        var terms = RetentionTerms.Of(v, input);
        if (checkSite && missionId.Length > 0)
        {
            await sites.CheckAsync(v, missionId, [("residual_roster_entry.site", input.Site)], ct);
        }

        return terms;
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

    public override async Task<ListSiteOccupanciesResponse> ListSiteOccupancies(ListSiteOccupanciesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var asOf = v.OptionalDate("as_of_date", request.AsOfDate) ?? Today;
        v.ThrowIfInvalid();

        var day = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = PageRequest.Parse(request.PageSize, request.PageToken, day);
        var visible = await siteRegions.VisibleAsync(missionId, Token(context));
        // A scoped caller's page is cut from its sites alone, so that a full page of others does not end its listing early.
        var counts = new List<Headcount.SiteCount>();
        var after = page.AfterKey ?? string.Empty;
        while (counts.Count < page.Size)
        {
            var batch = await headcounts.CountBySiteAsync(missionId, asOf, asOf > Today, after, page.Size, Token(context));
            counts.AddRange(batch.Where(c => visible?.Contains(c.Site) ?? true).Take(page.Size - counts.Count));
            if (batch.Count < page.Size)
            {
                break;
            }

            after = batch[^1].Site;
        }

        return new ListSiteOccupanciesResponse
        {
            SiteOccupancies =
            {
                counts.Select(c => new SiteOccupancy
                {
                    Site = c.Site,
                    AsOfDate = asOf.ToProto(),
                    PresentCount = c.Present,
                    ResidualCount = c.Residual,
                    RemainingCount = c.Present - c.Residual,
                }),
            },
            NextPageToken = page.NextToken(counts, c => c.Site, day),
        };
    }
}
