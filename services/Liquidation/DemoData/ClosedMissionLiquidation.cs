using V1 = MissionOps.Liquidation.V1;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;

namespace MissionOps.Liquidation.DemoData;

/// <summary>
/// The liquidation of the Sites demo's small, illustrative mission, complete so that its final
/// report can be issued: every asset disposed of with its approval and certificate, the lease
/// ended, the files archived. It needs that mission's office in Sites, so it is loaded where the
/// Sites demo is. Nothing in it is from the public record. Loaded once.
/// </summary>
public sealed class ClosedMissionLiquidation(IServiceProvider services, ILogger<ClosedMissionLiquidation> logger) : IDatabaseSeeder<LiquidationDbContext>
{
    public const string MissionId = "example-closed";

    public async Task SeedAsync(LiquidationDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Plans.AnyAsync(p => p.MissionId == MissionId, cancellationToken))
        {
            return;
        }

        var demo = DemoLiquidation.Over(services, db, MissionId, "USD", cancellationToken);
        await demo.PlanAsync(new DateOnly(2023, 1, 1), 1_000_000);
        await demo.AssetAsync("gen-office-0001", Text("60 kVA generator", "Groupe électrogène de 60 kVA"), V1.AssetCategory.Generator, "office", 2_400_000, 600_000);
        await demo.AssetAsync("veh-office-0002", Text("Four-wheel-drive vehicle", "Véhicule tout-terrain"), V1.AssetCategory.Vehicle, "office", 4_500_000, 1_800_000);

        await demo.CaseAsync("gen-office-0001", V1.DisposalGroup.Iv, V1.DisposalMethod.CommercialSale);
        await demo.DisposeAsync("gen-office-0001", new(2023, 5, 15), Text("Société malienne d'équipement (illustrative)", "Société malienne d'équipement (fictive)"),
            "EXAMPLE/SALE/2023/004", 650_000);
        if ((await demo.CaseAsync("veh-office-0002", V1.DisposalGroup.I, V1.DisposalMethod.TransferToMission)).ApprovalRequired)
        {
            await demo.ApproveAsync("veh-office-0002", "Director of Mission Support", new(2023, 5, 2), "EXAMPLE/DMS/2023/011");
        }

        await demo.DisposeAsync("veh-office-0002", new(2023, 5, 30), Text("Receiving peacekeeping mission (illustrative)", "Mission de maintien de la paix destinataire (fictive)"),
            "EXAMPLE/TRF/2023/002", 0);

        await demo.LiabilityAsync("office-lease", V1.LiabilityKind.ContractToEnd, Text("Lease of the Bamako office", "Bail du bureau de Bamako"),
            "Chief Procurement Officer", 300_000);
        await demo.SettleAsync("office-lease", new(2023, 6, 30));
        await demo.RecordsAsync("mission-files", Text("Mission files", "Dossiers de la mission"), "Records Officer");
        await demo.ArchiveAsync("mission-files", new(2023, 6, 28));
        logger.LogInformation("Loaded the {Mission} liquidation demo data: everything disposed of, settled and archived", MissionId);
    }
}
