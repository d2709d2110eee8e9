using MissionOps.ServiceDefaults.Security;
using SiteKind = MissionOps.Sites.V1.SiteKind;
using SiteState = MissionOps.Sites.V1.SiteState;

namespace MissionOps.Sites.Sites;

/// <summary>The filters of a list of a mission's sites; null where the request sets none.</summary>
public sealed record SiteFilter(SiteKind? Kind, SiteState? State, string? RegionPcode, string? DrawdownPhaseId);

/// <summary>
/// A page of a mission's sites in id order, through one query compiled once for every combination of filters: EF
/// Core leaves out of the SQL each condition whose parameter is null, so a list is not translated again each call.
/// </summary>
public static class SitePages
{
    private static readonly Func<SitesDbContext, string, SiteKind?, SiteState?, string?, string?, List<string>?, string?, int, IAsyncEnumerable<Site>> Page =
        EF.CompileAsyncQuery((SitesDbContext db, string missionId, SiteKind? kind, SiteState? state, string? regionPcode, string? phaseId,
                List<string>? scopeRegions, string? afterId, int size) =>
            db.Sites.AsNoTracking()
                .Where(s => s.MissionId == missionId
                    && (kind == null || s.Kind == kind)
                    && (state == null || s.State == state)
                    && (regionPcode == null || s.Location.RegionPcode == regionPcode)
                    && (phaseId == null || s.DrawdownPhaseId == phaseId)
                    && (scopeRegions == null || scopeRegions.Contains(s.Location.RegionPcode))
                    && (afterId == null || string.Compare(s.Id, afterId) > 0))
                .OrderBy(s => s.Id)
                .Take(size));

    /// <summary>The page the request asks for, of the sites the current caller's regions let it see.</summary>
    public static async Task<List<Site>> ReadAsync(SitesDbContext db, string missionId, SiteFilter filter, PageRequest page, CancellationToken ct)
    {
        var scopeRegions = RegionScope.Current?.Regions.ToList();
        var sites = new List<Site>();
        await foreach (var site in Page(db, missionId, filter.Kind, filter.State, filter.RegionPcode, filter.DrawdownPhaseId, scopeRegions,
            page.AfterKey, page.Size).WithCancellation(ct))
        {
            sites.Add(site);
        }

        return sites;
    }
}
