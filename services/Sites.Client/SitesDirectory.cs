using Grpc.Core;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Clients;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.Sites.V1;

namespace MissionOps.Sites.Client;

/// <summary>
/// Asks the Sites service whether the sites a request names exist, or what the mission's sites
/// are: no shared tables, only the contract. Unknown sites become field violations; an unreachable Sites service fails the
/// request with UNAVAILABLE rather than letting it through unchecked.
/// </summary>
public sealed class SitesDirectory(SitesService.SitesServiceClient sites)
{
    /// <summary>Checks each (field, site name) pair; each distinct site is asked once.</summary>
    public async Task CheckAsync(RequestValidator v, string missionId, IEnumerable<(string Field, string Site)> references,
        CancellationToken cancellationToken)
    {
        var wellFormed = new List<(string Field, string Site)>();
        foreach (var (field, site) in references)
        {
            var ids = v.Name(field, site, "missions", "sites");
            if (ids[0].Length == 0)
            {
                continue;
            }

            if (ids[0] != missionId)
            {
                v.Add(field, $"{site} is not a site of missions/{missionId}");
                continue;
            }

            wellFormed.Add((field, site));
        }

        foreach (var group in wellFormed.GroupBy(r => r.Site, StringComparer.Ordinal))
        {
            if (!await ExistsAsync(group.Key, cancellationToken))
            {
                foreach (var (field, site) in group)
                {
                    v.Add(field, $"{site} does not exist in the Sites service");
                }
            }
        }
    }

    /// <summary>
    /// Checks a drawdown phase the request names: well formed, of the mission, and one Sites has (Sites owns the
    /// phases; a mission has a handful, so one page).
    /// </summary>
    public async Task CheckPhaseAsync(RequestValidator v, string missionId, string field, string phase, CancellationToken cancellationToken)
    {
        var ids = v.Name(field, phase, "missions", "drawdownPhases");
        if (ids[0].Length == 0 || !v.Check(ids[0] == missionId, field, $"{phase} is not a drawdown phase of missions/{missionId}"))
        {
            return;
        }

        var known = await ServiceCalls.AllPagesAsync(ServiceNames.Sites, async token =>
        {
            var page = await sites.ListDrawdownPhasesAsync(
                new ListDrawdownPhasesRequest { Parent = $"missions/{missionId}", PageSize = 1000, PageToken = token },
                cancellationToken: cancellationToken);
            return (page.DrawdownPhases.Select(p => p.Name), page.NextPageToken);
        });
        v.Check(known.Contains(phase, StringComparer.Ordinal), field, $"{phase} does not exist in the Sites service");
    }

    /// <summary>Every site of the mission, as Sites describes it: a few tens, so a page or two.</summary>
    public Task<List<Site>> ListAsync(string missionId, CancellationToken cancellationToken) =>
        ServiceCalls.AllPagesAsync(ServiceNames.Sites, async token =>
        {
            var page = await sites.ListSitesAsync(new ListSitesRequest { Parent = $"missions/{missionId}", PageSize = 1000, PageToken = token },
                cancellationToken: cancellationToken);
            return (page.Sites.AsEnumerable(), page.NextPageToken);
        });

    public async Task<bool> MissionExistsAsync(string missionId, CancellationToken cancellationToken)
    {
        try
        {
            await ServiceCalls.AskAsync(ServiceNames.Sites, () => sites.GetMissionAsync(new GetMissionRequest { Name = $"missions/{missionId}" },
                cancellationToken: cancellationToken).ResponseAsync);
            return true;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return false;
        }
    }

    public async Task<bool> ExistsAsync(string site, CancellationToken cancellationToken)
    {
        try
        {
            await ServiceCalls.AskAsync(ServiceNames.Sites, () => sites.GetSiteAsync(new GetSiteRequest { Name = site }, cancellationToken: cancellationToken).ResponseAsync);
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }
}
