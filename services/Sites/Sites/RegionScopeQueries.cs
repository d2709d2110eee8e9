using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.Regions;

namespace MissionOps.Sites.Sites;

/// <summary>What a caller limited to some regions sees of the mission's sites and regions: those regions only.</summary>
public static class RegionScopeQueries
{
    public static IQueryable<Site> InScope(this IQueryable<Site> sites)
    {
        if (RegionScope.Current is not { } scope)
        {
            return sites;
        }

        var regions = scope.Regions.ToList();
        return sites.Where(s => regions.Contains(s.Location.RegionPcode));
    }

    public static IQueryable<Region> InScope(this IQueryable<Region> all)
    {
        if (RegionScope.Current is not { } scope)
        {
            return all;
        }

        var regions = scope.Regions.ToList();
        return all.Where(r => regions.Contains(r.Pcode));
    }
}
