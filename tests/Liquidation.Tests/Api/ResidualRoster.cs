extern alias personnel;
using static MissionOps.Liquidation.Tests.Api.Requests;
using Date = Google.Type.Date;
using P = MissionOps.Personnel.V1;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>People retained for the liquidation, put on the real Personnel service's residual roster.</summary>
public static class ResidualRoster
{
    public const string BamakoHq = "missions/minusma/sites/bamako-hq";

    public static async Task AddGuardAsync(LiquidationApp app, string personId, Date endDate)
    {
        var personnel = new P.PersonnelService.PersonnelServiceClient(app.Personnel.Channel);
        await personnel.CreatePersonAsync(new P.CreatePersonRequest
        {
            Parent = Minusma,
            PersonId = personId,
            RequestId = NewId(),
            Person = new P.Person
            {
                IndexNumber = personId.ToUpperInvariant(),
                FullName = $"Guard {personId}",
                Component = P.Component.Military,
                Category = P.Category.Contingent,
                CountryCode = "NP",
                AssignedSite = BamakoHq,
                AssignmentDate = Day(2023, 6, 1),
            },
        });
        await personnel.CreateResidualRosterEntryAsync(new P.CreateResidualRosterEntryRequest
        {
            Parent = Minusma,
            RequestId = NewId(),
            ResidualRosterEntry = new P.ResidualRosterEntry
            {
                Person = $"{Minusma}/personnel/{personId}",
                Group = P.ResidualGroup.GuardUnit,
                Role = Text("Guard", "Garde"),
                Site = BamakoHq,
                EndDate = endDate,
            },
        });
    }

    /// <summary>Deletes the person's entry, recorded by mistake: it stays on Personnel's roster with its delete time.</summary>
    public static async Task DeleteAsync(LiquidationApp app, string personId) =>
        await new P.PersonnelService.PersonnelServiceClient(app.Personnel.Channel).DeleteResidualRosterEntryAsync(
            new P.DeleteResidualRosterEntryRequest { Name = $"{Minusma}/residualRosterEntries/{personId}", RequestId = NewId() });
}
