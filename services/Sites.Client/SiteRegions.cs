using Microsoft.Extensions.Caching.Memory;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.Sites.Client;

/// <summary>
/// Which region each of a mission's sites lies in, as the Sites service says, for limiting a
/// region-scoped caller to its regions' sites. A site's region changes only when Sites corrects
/// its location, so the answer is kept a minute per mission.
/// </summary>
public sealed class SiteRegions(SitesDirectory sites, IMemoryCache cache)
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);

    /// <summary>The sites (<c>missions/{mission}/sites/{site}</c>) the current caller may see, or null when it sees the whole mission.</summary>
    public async Task<IReadOnlySet<string>?> VisibleAsync(string missionId, CancellationToken cancellationToken)
    {
        if (RegionScope.Current is not { } scope)
        {
            return null;
        }

        var regions = await RegionsAsync(missionId, cancellationToken);
        return regions.Where(r => scope.Includes(r.Value)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True when the current caller may see what is at the site.</summary>
    public async Task<bool> IsVisibleAsync(string missionId, string site, CancellationToken cancellationToken) =>
        await VisibleAsync(missionId, cancellationToken) is not { } visible || visible.Contains(site);

    /// <summary>Refuses a site outside the current caller's regions as one that does not exist.</summary>
    public async Task CheckVisibleAsync(string missionId, string site, CancellationToken cancellationToken)
    {
        if (!await IsVisibleAsync(missionId, site, cancellationToken))
        {
            throw new NotFoundException("missionops.un.org/Site", site);
        }
    }

    /// <summary>Each site's region P-code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RegionsAsync(string missionId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync($"site-regions:{missionId}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Kept;
            var all = await sites.ListAsync(missionId, cancellationToken);
            return (IReadOnlyDictionary<string, string>)all.ToDictionary(s => s.Name, s => s.Location?.RegionPcode ?? string.Empty, StringComparer.Ordinal);
        }) ?? new Dictionary<string, string>();
}
