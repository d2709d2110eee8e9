using MissionOps.ServiceDefaults.Audit;
using MissionOps.ServiceDefaults.Events;
using MissionOps.Sites.Sites;
using MissionOps.Sites.V1;

namespace MissionOps.Sites;

public sealed partial class SitesApi
{
    private static readonly HashSet<string> UpdatableSitePaths =
    [
        "display_name", "display_name.en", "display_name.fr", "location", "location.coordinates", "opening_date", "replaced_by",
    ];

    public override async Task<V1.Site> CreateSite(CreateSiteRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var siteId = v.ResourceId("site_id", request.SiteId);
        var (missionId, input) = v.Create(request.Parent, request.RequestId, "site", request.Site);
        var mission = missionId.Length > 0 ? await FindMissionAsync("parent", request.Parent, Token(context)) : null;

        var displayName = v.Bilingual("site.display_name", input.DisplayName);
        var kind = v.Enum("site.kind", input.Kind);
        var location = SiteMapping.ParseLocation(v, "site.location", input.Location, mission?.HostCountryCode ?? string.Empty);
        var opening = v.Date("site.opening_date", input.OpeningDate);
        var replacedBy = await ParseReplacedByAsync(v, missionId, siteId, input.ReplacedBy, Token(context));
        SiteMapping.CheckAgainst(v, "site.location", location, await FindRegionAsync(location, missionId, Token(context)));
        v.ThrowIfInvalid();

        var site = Sites.Site.Open(missionId, siteId, displayName, kind, location, opening, replacedBy, Now);
        return await changes.CreateAsync<V1.Site>(request, site, Token(context));
    }

    public override async Task<V1.Site> GetSite(GetSiteRequest request, ServerCallContext context) =>
        (await FindSiteAsync("name", request.Name, Token(context), tracked: false)).ToProto();

    public override async Task<ListSitesResponse> ListSites(ListSitesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var missionId = v.Name("parent", request.Parent, "missions")[0];
        var kind = v.OptionalEnum("kind", request.Kind);
        var state = v.OptionalEnum("state", request.State);
        var phaseId = string.IsNullOrEmpty(request.DrawdownPhase)
            ? null
            : v.Name("drawdown_phase", request.DrawdownPhase, "missions", "drawdownPhases")[1];
        v.ThrowIfInvalid();

        var fingerprint = $"{kind}|{state}|{request.RegionPcode}|{phaseId}";
        var page = PageRequest.Parse(request.PageSize, request.PageToken, fingerprint);
        var filter = new SiteFilter(kind, state, string.IsNullOrEmpty(request.RegionPcode) ? null : request.RegionPcode, phaseId);
        var sites = await SitePages.ReadAsync(db, missionId, filter, page, Token(context));
        if (sites.Count == 0)
        {
            // A site found is its mission found: only an empty page asks whether the mission exists.
            await FindMissionAsync("parent", request.Parent, Token(context));
        }

        return new ListSitesResponse
        {
            Sites = { sites.Select(s => s.ToProto()) },
            NextPageToken = page.NextToken(sites, s => s.Id, fingerprint),
        };
    }

    public override async Task<V1.Site> UpdateSite(UpdateSiteRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var (_, paths) = v.Update("site", request.Site, request.UpdateMask, request.RequestId, UpdatableSitePaths, nameof(UpdateSite));
        var site = await FindSiteAsync("site.name", request.Site!.Name, Token(context));
        var mission = await FindMissionAsync("site.name", $"missions/{site.MissionId}", Token(context));

        var input = request.Site;
        Text? displayName = null;
        if (paths.Contains("display_name"))
        {
            displayName = v.Bilingual("site.display_name", input.DisplayName);
        }
        else if (paths.Contains("display_name.en") || paths.Contains("display_name.fr"))
        {
            displayName = new Text(
                paths.Contains("display_name.en") ? v.Required("site.display_name.en", input.DisplayName?.En) : site.DisplayName.En,
                paths.Contains("display_name.fr") ? v.Required("site.display_name.fr", input.DisplayName?.Fr) : site.DisplayName.Fr);
        }

        Sites.SiteLocation? location = null;
        if (paths.Contains("location"))
        {
            location = SiteMapping.ParseLocation(v, "site.location", input.Location, mission.HostCountryCode);
            SiteMapping.CheckAgainst(v, "site.location", location, await FindRegionAsync(location, site.MissionId, Token(context)));
        }
        else if (paths.Contains("location.coordinates"))
        {
            // Placing a site recorded by P-code alone; in the mask with no value, the point is cleared.
            var point = v.Coordinates("site.location.coordinates", input.Location?.Coordinates, mission.HostCountryCode);
            location = site.Location with { Latitude = point?.Latitude, Longitude = point?.Longitude };
        }

        var opening = paths.Contains("opening_date") ? v.Date("site.opening_date", input.OpeningDate) : (DateOnly?)null;
        var replacedBy = paths.Contains("replaced_by")
            ? await ParseReplacedByAsync(v, site.MissionId, site.Id, input.ReplacedBy, Token(context))
            : null;
        v.ThrowIfInvalid();

        return await ChangeSiteAsync(request, request.Site.Name,
            s => s.Describe(displayName, location, opening, replacedBy,
                clearReplacedBy: paths.Contains("replaced_by") && replacedBy is null, Now),
            Token(context));
    }

    /// <summary>Applies a change to the site the request names, through the change pipeline.</summary>
    private Task<V1.Site> ChangeSiteAsync(Google.Protobuf.IMessage request, string name, Action<Sites.Site> change, CancellationToken cancellationToken) =>
        changes.RunAsync<V1.Site>(request, async ct =>
        {
            var site = await FindSiteAsync("name", name, ct);
            change(site);
            return site;
        }, cancellationToken);

    private Task<Regions.Region?> FindRegionAsync(Sites.SiteLocation location, string missionId, CancellationToken ct) =>
        db.Regions.AsNoTracking().SingleOrDefaultAsync(
            r => r.MissionId == missionId && r.Pcode == location.RegionPcode && r.PcodeVersion == location.PcodeVersion, ct);

    private async Task<string?> ParseReplacedByAsync(RequestValidator v, string missionId, string siteId, string? replacedBy, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(replacedBy))
        {
            return null;
        }

        var ids = v.Name("site.replaced_by", replacedBy, "missions", "sites");
        if (ids[0].Length == 0)
        {
            return null;
        }

        if (ids[0] != missionId || ids[1] == siteId)
        {
            v.Add("site.replaced_by", "must name another site of the same mission");
        }
        else if (!await db.Sites.AnyAsync(s => s.MissionId == ids[0] && s.Id == ids[1], ct))
        {
            v.Add("site.replaced_by", $"{replacedBy} does not exist");
        }

        return replacedBy;
    }
}
