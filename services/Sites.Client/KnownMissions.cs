using System.Collections.Concurrent;

namespace MissionOps.Sites.Client;

/// <summary>The missions Sites has confirmed: a mission is never deleted, so each is asked about once per process.</summary>
public sealed class KnownMissions
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public async Task<bool> ExistsAsync(string missionId, SitesDirectory sites, CancellationToken cancellationToken)
    {
        if (_known.ContainsKey(missionId))
        {
            return true;
        }

        var exists = await sites.MissionExistsAsync(missionId, cancellationToken);
        if (exists)
        {
            _known[missionId] = true;
        }

        return exists;
    }
}
