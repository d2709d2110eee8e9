using MissionOps.Sites.V1;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;
using static MissionOps.Sites.DemoData.DemoChecklist;

namespace MissionOps.Sites.DemoData;

/// <summary>
/// MINUSMA's drawdown as the public record has it (seed/public-record.md and the note to
/// correspondents of 9 December 2023): the mandate ended on 30 June 2023 by resolution 2690; the
/// Ogossagou base handed over on 3 August 2023 in the first phase; Douentza on 21 October 2023 in
/// the second, from 1 September; Sévaré and the Mopti regional office on 8 December 2023, after
/// which no site is open in the central regions; the northern camps left in haste in October
/// 2023; Timbuktu handed over at the end of December; Gao and Bamako kept for the liquidation.
/// Days the record does not give are illustrative (the README says which). Written through the
/// Sites endpoints as the demo loader, so it is audited and on the event feed. Loaded once.
/// </summary>
public sealed class MinusmaDemoData(TimeProvider clock, ILogger<MinusmaDemoData> logger) : IDatabaseSeeder<SitesDbContext>
{
    public const string MissionId = "minusma";
    public const string PcodeVersion = "2019";

    private static readonly DateOnly SevareClosure = new(2023, 12, 8);

    public async Task SeedAsync(SitesDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Missions.AnyAsync(m => m.Id == MissionId, cancellationToken))
        {
            return;
        }

        var sites = new DemoSites(db, clock, MissionId, cancellationToken);
        await sites.CreateMissionAsync(new Mission
        {
            DisplayName = Text("United Nations Multidimensional Integrated Stabilization Mission in Mali",
                "Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali"),
            HostCountryCode = "ML",
            MandateStartDate = Day(2013, 4, 25),
            MandateEndDate = Day(2023, 6, 30),
            LiquidationStartDate = Day(2024, 1, 1),
        });
        await MinusmaRegions.CreateAsync(sites);
        await sites.CreatePhaseAsync("phase-1", 1, Text("Drawdown phase 1", "Première phase du retrait"), new(2023, 7, 1), new(2023, 8, 31));
        await sites.CreatePhaseAsync("phase-2", 2, Text("Drawdown phase 2", "Deuxième phase du retrait"), new(2023, 9, 1), new(2023, 12, 31));

        await sites.OpenAsync("ogossagou", Text("Ogossagou temporary operating base", "Base opérationnelle temporaire d'Ogossagou"),
            SiteKind.TemporaryOperatingBase, "ML05", "ML0502", "Ogossagou", At(14.24, -3.59), new(2020, 3, 1));
        await sites.OpenAsync("douentza", Text("Douentza camp", "Camp de Douentza"), SiteKind.Camp, "ML05", "ML0504", "Douentza", At(15.0, -2.95), new(2013, 7, 1));
        await sites.OpenAsync("sevare", Text("Sévaré camp", "Camp de Sévaré"), SiteKind.Camp, "ML05", "ML0506", "Sévaré", At(14.53, -4.1), new(2013, 7, 1));
        await sites.OpenAsync("mopti-regional-office", Text("Mopti regional office", "Bureau régional de Mopti"), SiteKind.RegionalOffice,
            "ML05", "ML0506", "Sévaré", At(14.52, -4.09), new(2013, 7, 1));
        await sites.OpenAsync("bandiagara", Text("Bandiagara team site", "Site d'équipe de Bandiagara"), SiteKind.TeamSite, "ML05", "ML0501", "Bandiagara",
            At(14.35, -3.61), new(2019, 6, 1));
        await sites.OpenAsync("timbuktu", Text("Timbuktu camp", "Camp de Tombouctou"), SiteKind.Camp, "ML06", "ML0605", "Tombouctou", At(16.77, -3.01), new(2013, 7, 1));
        await sites.OpenAsync("gao", Text("Gao camp", "Camp de Gao"), SiteKind.Camp, "ML07", "ML0703", "Gao", At(16.27, -0.04), new(2013, 7, 1));
        await sites.OpenAsync("tessalit", Text("Tessalit camp", "Camp de Tessalit"), SiteKind.Camp, "ML08", "ML0803", "Tessalit", At(20.2, 1.01), new(2013, 7, 1));
        await sites.OpenAsync("aguelhok", Text("Aguelhok camp", "Camp d'Aguelhok"), SiteKind.Camp, "ML08", "ML0803", "Aguelhok", At(19.46, 0.86), new(2013, 7, 1));
        await sites.OpenAsync("kidal", Text("Kidal camp", "Camp de Kidal"), SiteKind.Camp, "ML08", "ML0802", "Kidal", At(18.44, 1.41), new(2013, 7, 1));
        await sites.OpenAsync("bamako-hq", Text("Mission headquarters, Bamako", "Quartier général de la Mission, Bamako"), SiteKind.Headquarters,
            "ML09", "ML0901", "Bamako", At(12.64, -8.0), new(2013, 7, 1));

        await CloseNormallyAsync(sites, "ogossagou", "phase-1", new(2023, 8, 3), "Prefect of Bankass");
        await sites.HandOverAsync("ogossagou", Package("MINUSMA/OGOSSAGOU/HO", Text("Malian authorities, Bankass circle", "Autorités maliennes, cercle de Bankass"),
            new(2023, 8, 3), Signs("Prefect of Bankass", "Prefect of the Bankass circle", "Préfet du cercle de Bankass", HandoverSide.Host),
            Signs("Head of the MINUSMA Mopti Regional Office", "Head of the MINUSMA Regional Office, Mopti", "Chef du bureau régional de la MINUSMA à Mopti",
                HandoverSide.Mission),
            Text("Use by the Malian authorities (not stated in the public record)", "Usage par les autorités maliennes (non précisé dans les sources publiques)")));
        await CloseNormallyAsync(sites, "douentza", "phase-2", new(2023, 10, 21), "Prefect of Douentza");
        await sites.HandOverAsync("douentza", Package("MINUSMA/DOUENTZA/HO",
            Text("Civilian representative of the State, Douentza", "Représentant civil de l'État, Douentza"), new(2023, 10, 21),
            Signs("Prefect of Douentza", "Civilian representative of the State in Douentza", "Représentant civil de l'État à Douentza", HandoverSide.Host),
            Signs("Head of the MINUSMA Mopti Regional Office", "Head of the MINUSMA Regional Office, Mopti", "Chef du bureau régional de la MINUSMA à Mopti",
                HandoverSide.Mission),
            Text("Use by the civilian administration (not stated in the public record)", "Usage par l'administration civile (non précisé dans les sources publiques)")));
        await NorthernCampsAsync(sites);
        await CloseNormallyAsync(sites, "bandiagara", "phase-2", new(2023, 11, 30), "Prefect of Bandiagara");
        await CloseNormallyAsync(sites, "sevare", "phase-2", SevareClosure, "Governor of the Mopti Region");
        await sites.HandOverAsync("sevare", SevareHandover.Package);
        await CloseNormallyAsync(sites, "mopti-regional-office", "phase-2", SevareClosure, "Governor of the Mopti Region");
        await CloseNormallyAsync(sites, "timbuktu", "phase-2", new(2023, 12, 29), "Governor of the Timbuktu Region");
        await sites.HandOverAsync("timbuktu", Package("MINUSMA/TIMBUKTU/HO", Text("Governorate of the Timbuktu Region", "Gouvernorat de la région de Tombouctou"),
            new(2023, 12, 29), Signs("Bakoun Kanté", "Governor of the Timbuktu Region", "Gouverneur de la région de Tombouctou", HandoverSide.Host),
            Signs("Head of the MINUSMA Timbuktu Regional Office", "Head of the MINUSMA Regional Office, Timbuktu", "Chef du bureau régional de la MINUSMA à Tombouctou",
                HandoverSide.Mission),
            Text("Use by the civilian administration of the Timbuktu Region (not stated in the public record)",
                "Usage par l'administration civile de la région de Tombouctou (non précisé dans les sources publiques)")));

        await ClosedMissionDemoData.SeedAsync(db, clock, cancellationToken);
        logger.LogInformation("Loaded the MINUSMA demo data through the Sites endpoints: 11 sites, 2 phases, closures and handovers to 29 December 2023");
    }

    /// <summary>The checklist done in the three weeks before the last personnel left, then the closure.</summary>
    private static async Task CloseNormallyAsync(DemoSites sites, string site, string phase, DateOnly closed, string hostOfficial)
    {
        await sites.PlanAsync(site, phase, closed);
        await sites.RecordChecklistAsync(site, closed, hostOfficial);
        await sites.CloseAsync(site, closed, Text("The last civilian and military personnel left the site.",
            "Les derniers personnels civils et militaires ont quitté le site."));
    }

    /// <summary>
    /// Tessalit, Aguelhok and Kidal, left in haste under the military escalation of October 2023, equipment destroyed or
    /// left behind (AFP, December 2023): closed by the emergency path, then recorded as left without handover, since
    /// no handover package was ever signed. The days and the boards' references are illustrative.
    /// </summary>
    private static async Task NorthernCampsAsync(DemoSites sites)
    {
        var board = 31;
        foreach (var (site, day) in new[] { ("tessalit", new DateOnly(2023, 10, 21)), ("aguelhok", new DateOnly(2023, 10, 23)), ("kidal", new DateOnly(2023, 10, 31)) })
        {
            ItemLeftInPlace[] left =
            [
                new()
                {
                    Description = Text("Vehicles, ammunition and equipment that could not be moved", "Véhicules, munitions et équipements qui n'ont pu être évacués"),
                    Disposition = InPlaceDisposition.Destroyed,
                    Reason = Text("Destroyed so they would not fall into the hands of armed groups", "Détruits pour ne pas tomber aux mains de groupes armés"),
                },
                new()
                {
                    Description = Text("Camp buildings and installed infrastructure", "Bâtiments et infrastructures installées du camp"),
                    Disposition = InPlaceDisposition.Abandoned,
                    Reason = Text("No time to hand them over under fire", "Pas de temps pour les remettre sous le feu"),
                },
            ];
            var why = Text("Military escalation between the Malian army and armed groups around the camp",
                "Escalade militaire entre l'armée malienne et des groupes armés autour du camp");
            await sites.PlanAsync(site, "phase-2", day);
            await sites.CloseAsync(site, day, Text("Left in haste; no handover package was signed.", "Quitté dans l'urgence ; aucun dossier de remise n'a été signé."),
                new EmergencyClosure { Reason = why, ItemsLeftInPlace = { left } });
            await sites.LeaveWithoutHandoverAsync(site, new LeftWithoutHandoverRecord
            {
                Circumstance = LeftCircumstance.Abandoned, LeftDate = Day(day), Reason = why, ItemsLeft = { left },
                BoardReference = $"MINUSMA/BOI/2023/{board++:D3}",
            });
        }
    }
}
