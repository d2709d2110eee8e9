using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Clients;
using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.Plan;

/// <summary>The residual team, read from Personnel's residual roster each time the plan is read: Personnel owns it.</summary>
public sealed class ResidualTeam(PersonnelService.PersonnelServiceClient personnel)
{
    public const string ServiceName = "personnel";

    public async Task<IReadOnlyList<V1.ResidualTeamMember>> ReadAsync(string missionId, CancellationToken cancellationToken)
    {
        var members = new List<V1.ResidualTeamMember>();
        var token = string.Empty;
        do
        {
            var page = await ServiceCalls.AskAsync(ServiceName, () => personnel.ListResidualRosterEntriesAsync(new ListResidualRosterEntriesRequest
            {
                Parent = $"missions/{missionId}",
                PageSize = 1000,
                PageToken = token,
            }, cancellationToken: cancellationToken).ResponseAsync);
            members.AddRange(page.ResidualRosterEntries.Select(e => new V1.ResidualTeamMember
            {
                Person = e.Person,
                Group = GroupName(e.Group),
                Role = e.Role,
                Site = e.Site,
                EndDate = e.EndDate,
            }));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return members;
    }

    private static string GroupName(ResidualGroup group) =>
        HeadcountReflection.Descriptor.EnumTypes.Single(t => t.Name == nameof(ResidualGroup)).FindValueByNumber((int)group)?.Name ?? group.ToString();
}
