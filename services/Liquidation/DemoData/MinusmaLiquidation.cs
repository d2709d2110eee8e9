using Microsoft.EntityFrameworkCore;
using MissionOps.Liquidation.Assets;
using MissionOps.Liquidation.Data;
using MissionOps.Liquidation.Disposals;
using MissionOps.Liquidation.Plan;
using MissionOps.Liquidation.Residual;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Data;
using V1 = MissionOps.Liquidation.V1;

namespace MissionOps.Liquidation.DemoData;

/// <summary>
/// MINUSMA's liquidation for development: the plan from 1 January 2024, an asset register at the
/// Sites demo sites with disposals in every state, residual liabilities and records to archive.
/// Values and names are illustrative; everything is built through the domain. Loaded once.
/// </summary>
public sealed class MinusmaLiquidation(TimeProvider clock, ILogger<MinusmaLiquidation> logger) : IDatabaseSeeder<LiquidationDbContext>
{
    public const string MissionId = "minusma";
    private const string Usd = "USD";

    public async Task SeedAsync(LiquidationDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Plans.AnyAsync(p => p.MissionId == MissionId, cancellationToken))
        {
            return;
        }

        var now = clock.GetStorableUtcNow();
        var plan = LiquidationPlan.Create(MissionId, new DateOnly(2024, 1, 1), Usd, 5_000_000, now);
        Asset Register(string id, string en, string fr, V1.AssetCategory category, string site, long cost, long value,
            V1.Ownership ownership = V1.Ownership.UnOwned, string? country = null, V1.ContingentDecision decision = V1.ContingentDecision.Unspecified) =>
            Asset.Register(MissionId, id, new Text(en, fr), ownership, category, $"missions/minusma/sites/{site}", id.ToUpperInvariant(), Usd, cost, value,
                country, decision, now);

        var generators = Register("gen-sev-0042", "500 kVA generator", "Groupe électrogène de 500 kVA", V1.AssetCategory.Generator, "sevare", 9_500_000, 3_100_000);
        var prefabs = Register("prefab-sev-0007", "Prefabricated office block", "Bloc de bureaux préfabriqué", V1.AssetCategory.PrefabricatedBuilding,
            "sevare", 42_000_000, 12_500_000);
        var armoured = Register("apc-sev-0003", "Armoured personnel carrier", "Véhicule blindé de transport de troupes", V1.AssetCategory.ArmouredVehicle,
            "sevare", 65_000_000, 31_000_000);
        var ammunition = Register("ammo-dou-0011", "Expired small-arms ammunition", "Munitions d'armes légères périmées", V1.AssetCategory.Ammunition,
            "douentza", 1_200_000, 0);
        var trucks = Register("veh-hq-0120", "Light truck", "Camion léger", V1.AssetCategory.Vehicle, "bamako-hq", 4_800_000, 900_000);
        var radios = Register("ict-hq-0300", "VHF radio set", "Poste radio VHF", V1.AssetCategory.Communications, "bamako-hq", 350_000, 80_000);
        var contingentApc = Register("coe-sn-apc-0001", "Senegalese armoured personnel carrier", "Véhicule blindé sénégalais",
            V1.AssetCategory.ArmouredVehicle, "sevare", 70_000_000, 28_000_000, V1.Ownership.ContingentOwned, "SN", V1.ContingentDecision.Repatriate);
        var contingentTents = Register("coe-tg-tent-0014", "Togolese accommodation tents", "Tentes d'hébergement togolaises", V1.AssetCategory.Other,
            "douentza", 600_000, 150_000, V1.Ownership.ContingentOwned, "TG");

        var cases = new List<DisposalCase>
        {
            Disposed(DisposalCase.Open("gen-sev-0042", generators, V1.DisposalGroup.Iv, V1.DisposalMethod.CommercialSale, plan, null, now),
                generators, new DisposalRecord(new DateOnly(2023, 11, 30), new Text("Société Sahel Énergie", "Société Sahel Énergie"), "MINUSMA/SALE/2023/118",
                    3_400_000), now),
            DisposalCase.Open("prefab-sev-0007", prefabs, V1.DisposalGroup.V, V1.DisposalMethod.HandoverToHostGovernment, plan, null, now),
            Approved(DisposalCase.Open("apc-sev-0003", armoured, V1.DisposalGroup.I, V1.DisposalMethod.TransferToMission, plan, null, now), now),
            Disposed(DisposalCase.Open("ammo-dou-0011", ammunition, V1.DisposalGroup.Iv, V1.DisposalMethod.Destruction, plan, null, now),
                ammunition, new DisposalRecord(new DateOnly(2023, 11, 15), new Text("UNMAS Mali", "UNMAS Mali"), "MINUSMA/DEST/2023/041", 0), now),
            DisposalCase.Open("veh-hq-0120", trucks, V1.DisposalGroup.Iii, V1.DisposalMethod.SaleToOrganisation, plan, null, now),
            Disposed(DisposalCase.Open("coe-sn-apc-0001", contingentApc, V1.DisposalGroup.Unspecified, V1.DisposalMethod.RepatriationToContributor, plan, null, now),
                contingentApc, new DisposalRecord(new DateOnly(2023, 12, 5), new Text("Republic of Senegal", "République du Sénégal"),
                    "MINUSMA/COE/2023/SN/009", 0), now),
        };

        db.Plans.Add(plan);
        db.Assets.AddRange(generators, prefabs, armoured, ammunition, trucks, radios, contingentApc, contingentTents);
        db.DisposalCases.AddRange(cases);
        var fuel = Liability.Record(MissionId, "fuel-contract", V1.LiabilityKind.ContractToEnd,
            new Text("Fuel supply contract for the central sector", "Contrat de fourniture de carburant du secteur centre"), "Chief Procurement Officer", Usd, 0);
        fuel.Settle(new DateOnly(2023, 12, 20));
        db.Liabilities.AddRange(
            Liability.Record(MissionId, "sevare-land-restoration", V1.LiabilityKind.LandRestoration,
                new Text("Restoration of the Sévaré camp's waste site", "Remise en état du site de déchets du camp de Sévaré"), "Environmental Officer", Usd, 2_500_000),
            Liability.Record(MissionId, "douentza-landowner-claim", V1.LiabilityKind.Claim,
                new Text("Landowner's claim for the Douentza base", "Réclamation du propriétaire foncier de la base de Douentza"), "Legal Officer", Usd, 1_800_000),
            fuel);
        db.ArchiveRecords.AddRange(
            ArchiveRecord.Record(MissionId, "sevare-camp-files", new Text("Sévaré camp files", "Dossiers du camp de Sévaré"), "Records Officer"),
            ArchiveRecord.Record(MissionId, "qip-files", new Text("Quick-impact project files", "Dossiers des projets à impact rapide"), "Records Officer"));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Loaded the MINUSMA liquidation demo data: {Assets} assets, {Cases} disposal cases", 8, cases.Count);
    }

    private static DisposalCase Approved(DisposalCase disposal, DateTimeOffset now)
    {
        disposal.Approve(new DisposalApproval("Director of Mission Support", new DateOnly(2023, 12, 1), "MINUSMA/DMS/2023/552"), now);
        return disposal;
    }

    private static DisposalCase Disposed(DisposalCase disposal, Asset asset, DisposalRecord record, DateTimeOffset now)
    {
        if (disposal.ApprovalRequired)
        {
            Approved(disposal, now);
        }

        disposal.RecordDisposal(asset, record, now);
        return disposal;
    }
}
