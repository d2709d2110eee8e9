using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults;
using MissionOps.ServiceDefaults.Clients;
using MissionOps.ServiceDefaults.Contracts;

namespace MissionOps.Personnel.Client;

/// <summary>
/// What other services ask Personnel, through its contract only: who is still at a site, and who stays
/// for the liquidation. An unreachable Personnel service fails the request with UNAVAILABLE, never an empty answer.
/// </summary>
public sealed class PersonnelDirectory(PersonnelService.PersonnelServiceClient personnel)
{
    /// <summary>Who is at the site on the day apart from the residual roster.</summary>
    public Task<SiteOccupancy> SiteOccupancyAsync(string site, DateOnly day, CancellationToken cancellationToken) =>
        ServiceCalls.AskAsync(ServiceNames.Personnel, () => personnel.GetSiteOccupancyAsync(
            new GetSiteOccupancyRequest { Site = site, AsOfDate = day.ToProto() }, cancellationToken: cancellationToken).ResponseAsync);

    /// <summary>Who is at every site of the mission on the day, counts only, in one call per thousand sites; a site not in it has nobody.</summary>
    public async Task<IReadOnlyDictionary<string, SiteOccupancy>> SiteOccupanciesAsync(string missionId, DateOnly day, CancellationToken cancellationToken) =>
        (await ServiceCalls.AllPagesAsync(ServiceNames.Personnel, async token =>
        {
            var page = await personnel.ListSiteOccupanciesAsync(
                new ListSiteOccupanciesRequest { Parent = $"missions/{missionId}", AsOfDate = day.ToProto(), PageSize = 1000, PageToken = token },
                cancellationToken: cancellationToken);
            return (page.SiteOccupancies.AsEnumerable(), page.NextPageToken);
        })).ToDictionary(o => o.Site, StringComparer.Ordinal);

    /// <summary>The mission's residual roster: the people kept for the liquidation, each with the day they leave.</summary>
    public Task<List<ResidualRosterEntry>> ResidualRosterAsync(string missionId, CancellationToken cancellationToken) =>
        ServiceCalls.AllPagesAsync(ServiceNames.Personnel, async token =>
        {
            var page = await personnel.ListResidualRosterEntriesAsync(
                new ListResidualRosterEntriesRequest { Parent = $"missions/{missionId}", PageSize = 1000, PageToken = token },
                cancellationToken: cancellationToken);
            return (page.ResidualRosterEntries.AsEnumerable(), page.NextPageToken);
        });

    /// <summary>A residual group as the contract names it (<c>RESIDUAL_GROUP_GUARD_UNIT</c>).</summary>
    public static string GroupName(ResidualGroup group) =>
        HeadcountReflection.Descriptor.EnumTypes.Single(t => t.Name == nameof(ResidualGroup)).FindValueByNumber((int)group)?.Name ?? group.ToString();
}
