using MissionOps.Personnel.Roster;
using Category = MissionOps.Personnel.V1.Category;
using ResidualGroup = MissionOps.Personnel.V1.ResidualGroup;

namespace MissionOps.Personnel.DemoData;

/// <summary>
/// The people of the Sites demo's small, illustrative mission whose liquidation is complete: its
/// last staff member left when the mandate ended, its two-person liquidation team on 30 June 2023,
/// the day the office closed. It needs that mission's office in Sites, so it is loaded where the
/// Sites demo is. Loaded once.
/// </summary>
public sealed class ClosedMissionPersonnel(IServiceProvider services, TimeProvider clock, ILogger<ClosedMissionPersonnel> logger) : IDatabaseSeeder<PersonnelDbContext>
{
    public const string MissionId = "example-closed";
    private const string Office = "missions/example-closed/sites/office";

    public async Task SeedAsync(PersonnelDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Personnel.AnyAsync(p => p.MissionId == MissionId, cancellationToken))
        {
            return;
        }

        var demo = new DemoPersonnel(services, db, MissionId, cancellationToken);
        var liquidationEnd = new DateOnly(2023, 6, 30);
        await demo.PersonAsync("ex-000001", "Aminata Koné", Category.InternationalCivilian, "SN", Office, new(2021, 1, 4));
        await demo.PersonAsync("ex-000002", "Lars Nilsson", Category.InternationalCivilian, "SE", Office, new(2021, 2, 1));
        await demo.PersonAsync("ex-000003", "Boubacar Cissé", Category.NationalCivilian, "ML", Office, new(2021, 1, 4));
        await demo.RepatriateAsync("ex-000001", Office, new(2022, 12, 31));
        foreach (var member in new[] { "ex-000002", "ex-000003" })
        {
            await demo.RosterAsync(ResidualRosterEntry.Create(MissionId, member, new RetentionTerms(ResidualGroup.LiquidationTeam,
                new Text("Liquidation team member", "Membre de l'équipe de liquidation"), Office, liquidationEnd), clock.GetStorableUtcNow()));
            await demo.RepatriateAsync(member, Office, liquidationEnd);
        }

        logger.LogInformation("Loaded the {Mission} personnel demo data: everyone gone by {Day}", MissionId, liquidationEnd);
    }
}
