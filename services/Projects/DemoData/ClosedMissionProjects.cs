using MissionOps.Projects.Projects;
using V1 = MissionOps.Projects.V1;

namespace MissionOps.Projects.DemoData;

/// <summary>
/// The one project of the Sites demo's small, illustrative mission whose liquidation is complete:
/// equipment for the district's civil registry, finished, handed over and closed before the office
/// closed. It needs that mission's office in Sites, so it is loaded where the Sites demo is. Loaded once.
/// </summary>
public sealed class ClosedMissionProjects(IServiceProvider services, TimeProvider clock, ILogger<ClosedMissionProjects> logger) : IDatabaseSeeder<ProjectsDbContext>
{
    public const string MissionId = "example-closed";

    /// <summary>Illustrative, as the mission is.</summary>
    public const string ReportingRef = "XX-DEMO-EXAMPLE";

    public async Task SeedAsync(ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AnyAsync(p => p.MissionId == MissionId, cancellationToken))
        {
            return;
        }

        var now = clock.GetStorableUtcNow();
        DateOnly start = new(2022, 3, 1), end = new(2022, 8, 31);
        var registry = Project.Create(MissionId, "civil-registry-bamako", $"{ReportingRef}-2022-001", V1.ProjectKind.StateAuthorityOffice,
            new ProjectDescription(new Text("Equipment for the civil registry of the District of Bamako", "Équipement de l'état civil du district de Bamako"),
                new Text("Furniture, computers and archive shelving.", "Mobilier, ordinateurs et rayonnages d'archives."), null, false, start, end,
                [
                    new Organisation(new Text("Example mission", "Mission d'exemple"), ReportingRef, V1.OrganisationRole.Funding),
                    new Organisation(new Text("District of Bamako", "District de Bamako"), null, V1.OrganisationRole.Implementing),
                ],
                [new SectorShare("15110", 100)],
                [new ProjectLocation(null, "missions/example-closed/sites/office", null, "ML09", "2019", new Text("Bamako", "Bamako"))],
                "USD", [new Budget(start, end, 3_500_000, false)], [], null),
            now);
        registry.Start(start, now);
        registry.RecordTransaction(new Transaction(V1.TransactionType.Disbursement, new DateOnly(2022, 8, 15), 3_420_000, null), "USD", now);
        registry.Finalise(new DateOnly(2022, 8, 20), now);
        registry.RecordHandover(new ProjectHandover(new Text("District of Bamako", "District de Bamako"), V1.HandoverRecipientKind.LocalAuthority,
            new DateOnly(2022, 9, 1), new Document(new Text("Handover certificate", "Procès-verbal de remise"), "EXAMPLE/PRJ/2022/001/HO", null,
                new DateOnly(2022, 9, 1), ["Governor of the District of Bamako", "Chief of Mission Support"])), now);
        registry.Close(now);

        await DemoProjects.Over(services, db, MissionId, cancellationToken).ReplayAsync(registry);
        logger.LogInformation("Loaded the {Mission} projects demo data: its one project, handed over and closed", MissionId);
    }
}
