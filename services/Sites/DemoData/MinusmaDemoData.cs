using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Data;
using MissionOps.Sites.Closure;
using MissionOps.Sites.Data;
using MissionOps.Sites.Handover;
using MissionOps.Sites.Missions;
using MissionOps.Sites.Phases;
using MissionOps.Sites.Regions;
using MissionOps.Sites.Sites;
using ClosureStepKind = MissionOps.Sites.V1.ClosureStepKind;
using HandoverDocumentKind = MissionOps.Sites.V1.HandoverDocumentKind;
using HandoverSide = MissionOps.Sites.V1.HandoverSide;
using RecipientKind = MissionOps.Sites.V1.RecipientKind;
using SiteKind = MissionOps.Sites.V1.SiteKind;

namespace MissionOps.Sites.DemoData;

/// <summary>
/// The development data set, drawn from the note to correspondents of 9 December 2023: MINUSMA,
/// the Mopti region, phase 2 of the drawdown and the Sévaré closure as recorded that day. It is
/// built through the domain, so it obeys the same rules as data entered over gRPC. Loaded once.
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

        var now = clock.GetStorableUtcNow();
        db.Missions.Add(Mission.Create(MissionId,
            new Text("United Nations Multidimensional Integrated Stabilization Mission in Mali",
                "Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali"),
            "ML", new DateOnly(2013, 4, 25), new DateOnly(2023, 12, 31), new DateOnly(2024, 1, 1), now));

        db.Regions.Add(Region.Create(MissionId, "ML05", PcodeVersion, new Text("Mopti", "Mopti"),
        [
            new District("ML0501", new Text("Bandiagara", "Bandiagara")),
            new District("ML0502", new Text("Bankass", "Bankass")),
            new District("ML0503", new Text("Djenné", "Djenné")),
            new District("ML0504", new Text("Douentza", "Douentza")),
            new District("ML0505", new Text("Koro", "Koro")),
            new District("ML0506", new Text("Mopti", "Mopti")),
            new District("ML0507", new Text("Ténenkou", "Ténenkou")),
            new District("ML0508", new Text("Youwarou", "Youwarou")),
        ], now));
        db.Regions.Add(Region.Create(MissionId, "ML09", PcodeVersion, new Text("Bamako", "Bamako"),
            [new District("ML0901", new Text("Bamako", "Bamako"))], now));

        var phase2 = DrawdownPhase.Create(MissionId, "phase-2", 2,
            new Text("Drawdown phase 2", "Deuxième phase du retrait"), new DateOnly(2023, 9, 1), new DateOnly(2023, 12, 31), now);
        db.DrawdownPhases.Add(phase2);

        var ogossagou = Open("ogossagou", "Ogossagou temporary operating base", "Base opérationnelle temporaire d'Ogossagou",
            SiteKind.TemporaryOperatingBase, "ML0502", "Ogossagou", new DateOnly(2020, 2, 15), now);
        var douentza = Open("douentza", "Douentza base", "Base de Douentza", SiteKind.Base, "ML0504", "Douentza", new DateOnly(2013, 7, 1), now);
        var sevare = Open("sevare", "Sévaré camp", "Camp de Sévaré", SiteKind.Camp, "ML0506", "Sévaré", new DateOnly(2013, 7, 1), now);
        var regionalOffice = Open("mopti-regional-office", "Mopti regional office", "Bureau régional de Mopti",
            SiteKind.RegionalOffice, "ML0506", "Sévaré", new DateOnly(2013, 7, 1), now);
        var bandiagara = Open("bandiagara", "Bandiagara team site", "Site d'équipe de Bandiagara",
            SiteKind.TeamSite, "ML0501", "Bandiagara", new DateOnly(2019, 6, 1), now);
        var headquarters = Site.Open(MissionId, "bamako-hq", new Text("Mission headquarters, Bamako", "Quartier général de la Mission, Bamako"),
            SiteKind.Headquarters, new SiteLocation("ML09", "ML0901", PcodeVersion, "Bamako"), new DateOnly(2013, 7, 1), null, now);

        CloseNormally(ogossagou, phase2, new DateOnly(2023, 11, 20), now);
        CloseNormally(douentza, phase2, new DateOnly(2023, 11, 28), now);
        CloseNormally(sevare, phase2, SevareClosure, now);
        HandOverSevare(sevare, now);
        regionalOffice.PlanClosure(phase2, SevareClosure, now);
        bandiagara.PlanClosure(phase2, new DateOnly(2023, 12, 15), now);

        db.Sites.AddRange(ogossagou, douentza, sevare, regionalOffice, bandiagara, headquarters);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Loaded the MINUSMA demo data: 6 sites, phase 2, the Sévaré closure and handover");
    }

    private static Site Open(string id, string en, string fr, SiteKind kind, string district, string locality, DateOnly opened, DateTimeOffset now) =>
        Site.Open(MissionId, id, new Text(en, fr), kind, new SiteLocation("ML05", district, PcodeVersion, locality), opened, null, now);

    /// <summary>Every checklist step, done in the weeks before the last personnel left.</summary>
    private static void CloseNormally(Site site, DrawdownPhase phase, DateOnly closed, DateTimeOffset now)
    {
        site.PlanClosure(phase, closed, now);
        var daysBefore = 21;
        foreach (var kind in ClosureChecklist.Required)
        {
            var done = closed.AddDays(-daysBefore);
            site.RecordClosureStep(new ClosureStep(kind, done, StepOwner(kind), null,
            [
                new Document(StepTitle(kind),
                    $"MINUSMA/{site.Id.ToUpperInvariant()}/CL/{(int)kind:D2}", null, done, [StepOwner(kind)]),
            ], ClosureChecklist.SignedByTheHost.Contains(kind) ? [Governor] : []), now);
            daysBefore -= 3;
        }

        // The Personnel and Projects demo data leave nobody and nothing open at these sites on these days.
        site.RecordClosure(closed, new Text("The last civilian and military personnel left the site.",
            "Les derniers personnels civils et militaires ont quitté le site."), SiteClearance.Clear, now);
    }

    private static Text StepTitle(ClosureStepKind kind) => kind switch
    {
        ClosureStepKind.ContingentEquipmentWithdrawn => new("Certificate of withdrawal of contingent-owned equipment",
            "Certificat de retrait du matériel appartenant aux contingents"),
        ClosureStepKind.UnEquipmentRemoved => new("Record of removal of UN-owned equipment", "Procès-verbal d'enlèvement du matériel de l'ONU"),
        ClosureStepKind.HazardousWasteRemoved => new("Hazardous waste removal record", "Procès-verbal d'enlèvement des déchets dangereux"),
        ClosureStepKind.EnvironmentalCloseoutAssessment => new("Environmental close-out assessment", "Évaluation environnementale de clôture"),
        ClosureStepKind.JointEnvironmentalInspection => new("Joint environmental inspection report with the host ministry",
            "Rapport d'inspection environnementale conjointe avec le ministère"),
        _ => new("Explosive-hazard survey report", "Rapport d'enquête sur les risques liés aux explosifs"),
    };

    private static string StepOwner(ClosureStepKind kind) => kind switch
    {
        ClosureStepKind.ContingentEquipmentWithdrawn => "Contingent-Owned Equipment Unit",
        ClosureStepKind.EnvironmentalCloseoutAssessment or ClosureStepKind.JointEnvironmentalInspection => "Environmental Unit",
        ClosureStepKind.ExplosiveHazardSurvey => "Mine Action Service",
        _ => "Supply Chain Management",
    };

    /// <summary>
    /// The host authority's signatory of the joint inspections: the Governor of the Mopti Region, who
    /// signed the Sévaré document on compliance with UN environmental regulations (illustrative for
    /// the other sites).
    /// </summary>
    private static readonly Signatory Governor =
        new("Abass Dembélé", new Text("Governor of the Mopti Region", "Gouverneur de la région de Mopti"), HandoverSide.Host);

    /// <summary>The ceremony of 8 December 2023, as the note to correspondents records it.</summary>
    private static void HandOverSevare(Site sevare, DateTimeOffset now)
    {
        string[] signers = ["Abass Dembélé", "Jens Kristensen"];
        sevare.RecordHandover(new SiteHandover(
            new HandoverRecipient(new Text("Governorate of the Mopti Region", "Gouvernorat de la région de Mopti"), RecipientKind.StateCivilianAuthority),
            SevareClosure,
            [
                new Signatory("Abass Dembélé", new Text("Governor of the Mopti Region", "Gouverneur de la région de Mopti"), HandoverSide.Host),
                new Signatory("Jens Kristensen",
                    new Text("Acting Head of the MINUSMA Regional Office", "Chef par intérim du bureau régional de la MINUSMA"), HandoverSide.Mission),
            ],
            [
                new Attendee("Atul Khare", new Text("Under-Secretary-General for Operational Support",
                    "Secrétaire général adjoint à l'appui opérationnel")),
                new Attendee("El-Ghassim Wane", new Text("Special Representative of the Secretary-General and Head of MINUSMA",
                    "Représentant spécial du Secrétaire général et chef de la MINUSMA")),
            ],
            [
                new HandoverDocument(HandoverDocumentKind.SiteInspectionCertificate, new Document(
                    new Text("Document on the state of the camp, handed over fully operational",
                        "Document portant sur l'état du camp, remis pleinement fonctionnel"),
                    "MINUSMA/SEVARE/HO/01", null, SevareClosure, signers)),
                new HandoverDocument(HandoverDocumentKind.EnvironmentalClearanceCertificate, new Document(
                    new Text("Document on compliance with UN environmental regulations",
                        "Document portant sur le respect des règles environnementales des Nations Unies"),
                    "MINUSMA/SEVARE/HO/02", null, SevareClosure, signers)),
                new HandoverDocument(HandoverDocumentKind.RemainingInfrastructureList, new Document(
                    new Text("Document on other related issues: infrastructure remaining in the camp",
                        "Document portant sur d'autres aspects connexes : infrastructures restant dans le camp"),
                    "MINUSMA/SEVARE/HO/03", null, SevareClosure, signers)),
            ],
            new Text("Use by the civilian administration of the Mopti Region (not stated in the public note; to be confirmed)",
                "Usage par l'administration civile de la région de Mopti (non précisé dans la note publique ; à confirmer)")),
            now);
    }
}
