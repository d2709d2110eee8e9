using V1 = MissionOps.Liquidation.V1;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;

namespace MissionOps.Liquidation.DemoData;

/// <summary>
/// MINUSMA's liquidation for development: the plan from 1 January 2024, an asset register at the
/// Sites demo sites with disposals in every state, residual liabilities and records to archive.
/// Values, names and days are illustrative; everything is made through the Liquidation endpoints
/// as the demo loader, so it is audited and on the event feed. Loaded once.
/// </summary>
public sealed class MinusmaLiquidation(IServiceProvider services, ILogger<MinusmaLiquidation> logger) : IDatabaseSeeder<LiquidationDbContext>
{
    public const string MissionId = "minusma";

    public async Task SeedAsync(LiquidationDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Plans.AnyAsync(p => p.MissionId == MissionId, cancellationToken))
        {
            return;
        }

        var demo = DemoLiquidation.Over(services, db, MissionId, "USD", cancellationToken);
        await demo.PlanAsync(new DateOnly(2024, 1, 1), 5_000_000);
        await demo.AssetAsync("gen-sev-0042", Text("500 kVA generator", "Groupe électrogène de 500 kVA"), V1.AssetCategory.Generator, "sevare", 9_500_000, 3_100_000);
        await demo.AssetAsync("prefab-sev-0007", Text("Prefabricated office block", "Bloc de bureaux préfabriqué"), V1.AssetCategory.PrefabricatedBuilding,
            "sevare", 42_000_000, 12_500_000);
        await demo.AssetAsync("apc-sev-0003", Text("Armoured personnel carrier", "Véhicule blindé de transport de troupes"), V1.AssetCategory.ArmouredVehicle,
            "sevare", 65_000_000, 31_000_000);
        await demo.AssetAsync("ammo-dou-0011", Text("Expired small-arms ammunition", "Munitions d'armes légères périmées"), V1.AssetCategory.Ammunition,
            "douentza", 1_200_000, 0);
        await demo.AssetAsync("veh-hq-0120", Text("Light truck", "Camion léger"), V1.AssetCategory.Vehicle, "bamako-hq", 4_800_000, 900_000);
        await demo.AssetAsync("ict-hq-0300", Text("VHF radio set", "Poste radio VHF"), V1.AssetCategory.Communications, "bamako-hq", 350_000, 80_000);
        await demo.AssetAsync("coe-sn-apc-0001", Text("Senegalese armoured personnel carrier", "Véhicule blindé sénégalais"), V1.AssetCategory.ArmouredVehicle,
            "sevare", 70_000_000, 28_000_000, V1.Ownership.ContingentOwned, "SN", V1.ContingentDecision.Repatriate);
        await demo.AssetAsync("coe-tg-tent-0014", Text("Togolese accommodation tents", "Tentes d'hébergement togolaises"), V1.AssetCategory.Other,
            "douentza", 600_000, 150_000, V1.Ownership.ContingentOwned, "TG");

        const string Dms = "Director of Mission Support";
        await demo.CaseAsync("gen-sev-0042", V1.DisposalGroup.Iv, V1.DisposalMethod.CommercialSale);
        await demo.DisposeAsync("gen-sev-0042", new(2023, 11, 30), Text("Société Sahel Énergie", "Société Sahel Énergie"), "MINUSMA/SALE/2023/118", 3_400_000);
        await demo.CaseAsync("prefab-sev-0007", V1.DisposalGroup.V, V1.DisposalMethod.HandoverToHostGovernment);
        if ((await demo.CaseAsync("apc-sev-0003", V1.DisposalGroup.I, V1.DisposalMethod.TransferToMission)).ApprovalRequired)
        {
            await demo.ApproveAsync("apc-sev-0003", Dms, new(2023, 12, 1), "MINUSMA/DMS/2023/552");
        }

        await demo.CaseAsync("ammo-dou-0011", V1.DisposalGroup.Iv, V1.DisposalMethod.Destruction);
        await demo.DisposeAsync("ammo-dou-0011", new(2023, 11, 15), Text("UNMAS Mali", "UNMAS Mali"), "MINUSMA/DEST/2023/041", 0);
        await demo.CaseAsync("veh-hq-0120", V1.DisposalGroup.Iii, V1.DisposalMethod.SaleToOrganisation);
        if ((await demo.CaseAsync("coe-sn-apc-0001", V1.DisposalGroup.Unspecified, V1.DisposalMethod.RepatriationToContributor)).ApprovalRequired)
        {
            await demo.ApproveAsync("coe-sn-apc-0001", Dms, new(2023, 12, 1), "MINUSMA/DMS/2023/553");
        }

        await demo.DisposeAsync("coe-sn-apc-0001", new(2023, 12, 5), Text("Republic of Senegal", "République du Sénégal"), "MINUSMA/COE/2023/SN/009", 0);

        await demo.LiabilityAsync("sevare-land-restoration", V1.LiabilityKind.LandRestoration,
            Text("Restoration of the Sévaré camp's waste site", "Remise en état du site de déchets du camp de Sévaré"), "Environmental Officer", 2_500_000);
        await demo.LiabilityAsync("douentza-landowner-claim", V1.LiabilityKind.Claim,
            Text("Landowner's claim for the Douentza camp", "Réclamation du propriétaire foncier du camp de Douentza"), "Legal Officer", 1_800_000);
        await demo.LiabilityAsync("fuel-contract", V1.LiabilityKind.ContractToEnd,
            Text("Fuel supply contract for the central sector", "Contrat de fourniture de carburant du secteur centre"), "Chief Procurement Officer", 0);
        await demo.SettleAsync("fuel-contract", new(2023, 12, 20));
        await demo.RecordsAsync("sevare-camp-files", Text("Sévaré camp files", "Dossiers du camp de Sévaré"), "Records Officer");
        await demo.RecordsAsync("qip-files", Text("Quick-impact project files", "Dossiers des projets à impact rapide"), "Records Officer");
        logger.LogInformation("Loaded the MINUSMA liquidation demo data through the Liquidation endpoints: 8 assets, 6 disposal cases");
    }
}
