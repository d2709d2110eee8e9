using MissionOps.Projects.Iati;
using MissionOps.Projects.Projects;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;
using V1 = MissionOps.Projects.V1;

namespace MissionOps.Projects.DemoData;

/// <summary>
/// The projects the note to correspondents of 9 December 2023 names, as development data: RN15
/// bridges between Sévaré and Bandiagara, offices for the restoration of State authority, water
/// points, schools, health, food security, workshops on human rights and justice, projects for
/// young people and women, and local peace agreements around Ogossagou. Budgets and dates are
/// illustrative; every project is made through the Projects endpoints as the demo loader, so it is audited and on the event feed. Loaded once.
/// </summary>
public sealed class MinusmaProjects(IServiceProvider services, TimeProvider clock, ILogger<MinusmaProjects> logger) : IDatabaseSeeder<ProjectsDbContext>
{
    public const string MissionId = "minusma";
    private const string Usd = "USD";

    /// <summary>
    /// The demo's IATI reporting organisation: illustrative, since MINUSMA published no IATI file of its own. A real
    /// deployment configures the mission's identifier (Iati:ReportingOrganisations:minusma) and that one wins.
    /// </summary>
    public const string ReportingRef = "XX-DEMO-MINUSMA";

    public static readonly IEnumerable<KeyValuePair<string, string?>> ReportingOrganisations = IatiReporting.Settings(MissionId, ReportingRef,
        new Text("MINUSMA (illustrative IATI identifier)", "MINUSMA (identifiant IATI fictif)"));

    private static readonly Organisation Minusma = new(new Text("MINUSMA", "MINUSMA"), ReportingRef, V1.OrganisationRole.Funding);

    public async Task SeedAsync(ProjectsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Projects.AnyAsync(p => p.MissionId == MissionId, cancellationToken))
        {
            return;
        }

        var now = clock.GetStorableUtcNow();
        var demo = DemoProjects.Over(services, db, MissionId, cancellationToken);
        await demo.RulesAsync(Usd, 5_000_000, 6);
        var projects = new List<Project>
        {
            Bridges(now), StateAuthorityOffice(now), WaterPoints(now), School(now), HealthCentre(now), FoodSecurity(now),
            Workshop("workshop-human-rights-mopti", "Human rights training for administrators and security forces in Mopti",
                "Formation aux droits de l'homme pour les administrateurs et les forces de sécurité à Mopti", "15160", V1.TrainingTopic.HumanRights, now),
            Workshop("workshop-justice-mopti", "Justice chain workshop for magistrates and clerks of the Mopti region",
                "Atelier sur la chaîne pénale pour les magistrats et greffiers de la région de Mopti", "15130", V1.TrainingTopic.Justice, now),
            Workshop("workshop-administration-mopti", "Administrative management workshop for the decentralised State administration of the Mopti region",
                "Atelier de gestion administrative pour les autorités administratives déconcentrées de la région de Mopti", "15110",
                V1.TrainingTopic.AdministrativeManagement, now, new DateOnly(2023, 4, 17)),
            Workshop("workshop-local-authorities-mopti", "Administrative and financial management workshop for the local authorities of the Mopti region",
                "Atelier de gestion administrative et financière pour les collectivités territoriales de la région de Mopti", "15185",
                V1.TrainingTopic.AdministrativeManagement, now, new DateOnly(2023, 5, 15)),
            YouthAndWomen(now), PeaceAgreements(now), SolarYouthCentre(now),
        };
        // Each is built through the domain in memory first, then made through the endpoints, step by step.
        foreach (var project in projects)
        {
            await demo.ReplayAsync(project);
        }

        await demo.PublishIatiAsync();
        logger.LogInformation("Loaded the MINUSMA projects demo data through the Projects endpoints: {Count} projects", projects.Count);
    }

    private static ProjectDescription Describe(string en, string fr, string descriptionEn, string descriptionFr, bool qip, DateOnly start, DateOnly end,
        Organisation implementer, IReadOnlyList<SectorShare> sectors, ProjectLocation location, long usdCents,
        IReadOnlyList<BeneficiaryCount>? beneficiaries = null, Training? training = null) =>
        new(new Text(en, fr), new Text(descriptionEn, descriptionFr), null, qip, start, end, [Minusma, implementer], sectors, [location], Usd,
            [new Budget(start, end < start.AddYears(1) ? end : start.AddYears(1).AddDays(-1), usdCents, false)], beneficiaries ?? [], training);

    private static Organisation Implementer(string en, string fr) => new(new Text(en, fr), null, V1.OrganisationRole.Implementing);

    private static ProjectLocation District(string pcode, string en, string fr, GeoPoint at) =>
        new(pcode, null, null, pcode[..4], "2019", new Text(en, fr), at);

    private static ProjectLocation Site(string site, string en, string fr, GeoPoint at) =>
        new(null, $"missions/minusma/sites/{site}", null, "ML05", "2019", new Text(en, fr), at);

    /// <summary>Runs a project from start to closure, spending its budget, and hands the works over.</summary>
    private static Project Completed(Project project, DateOnly ended, long spent, ProjectHandover? handover, DateTimeOffset now)
    {
        project.Start(project.Description.PlannedStart, now);
        project.RecordTransaction(new Transaction(V1.TransactionType.Commitment, project.Description.PlannedStart, project.Description.TotalBudget,
            null), Usd, now);
        project.RecordTransaction(new Transaction(V1.TransactionType.Disbursement, ended, spent, null), Usd, now);
        project.Finalise(ended, now);
        if (handover is not null)
        {
            project.RecordHandover(handover, now);
        }

        project.Close(now);
        return project;
    }

    private static ProjectHandover HandedTo(string en, string fr, V1.HandoverRecipientKind kind, DateOnly day, string reference) =>
        new(new Text(en, fr), kind, day, new Document(new Text("Handover certificate", "Procès-verbal de remise"), reference, null, day, []));

    private static Project Bridges(DateTimeOffset now) => Completed(Project.Create(MissionId, "rn15-bridges-sevare-bandiagara",
        $"{ReportingRef}-TF-2021-007", V1.ProjectKind.Infrastructure,
        Describe("Rehabilitation of bridges on the RN15 between Sévaré and Bandiagara", "Réhabilitation de ponts sur la RN15 entre Sévaré et Bandiagara",
            "Rehabilitation of three bridges on the Route Nationale 15, the fish road linking Sévaré to Bandiagara and on to Burkina Faso.",
            "Réhabilitation de trois ponts sur la route nationale 15, la route du poisson reliant Sévaré à Bandiagara et au Burkina Faso.",
            false, new DateOnly(2021, 10, 1), new DateOnly(2022, 9, 30),
            Implementer("Regional Directorate of Roads, Mopti", "Direction régionale des routes de Mopti"), [new SectorShare("21020", 100)],
            new ProjectLocation(null, null, new RouteSegment("RN15", "Sévaré", "Bandiagara"), "ML05", "2019", null, At(14.44, -3.86)), 48_000_000), now),
        new DateOnly(2022, 9, 15), 46_750_000,
        HandedTo("Ministry of Transport and Infrastructure", "Ministère des Transports et des Infrastructures", V1.HandoverRecipientKind.Ministry,
            new DateOnly(2022, 10, 20), "MINUSMA/TF/2021/007/HO"), now);

    private static Project StateAuthorityOffice(DateTimeOffset now) => Completed(Project.Create(MissionId, "sub-prefecture-office-bankass",
        $"{ReportingRef}-QIP-2022-031", V1.ProjectKind.StateAuthorityOffice,
        Describe("Construction and equipment of the sub-prefecture office in Bankass", "Construction et équipement du bureau de la sous-préfecture de Bankass",
            "Offices for the return of the State administration to Bankass.", "Bureaux pour le retour de l'administration de l'État à Bankass.",
            true, new DateOnly(2022, 3, 1), new DateOnly(2022, 8, 31), Implementer("Entreprise Dogon BTP", "Entreprise Dogon BTP"),
            [new SectorShare("15110", 60), new SectorShare("15185", 40)], District("ML0502", "Bankass", "Bankass", At(14.08, -3.52)), 4_850_000), now),
        new DateOnly(2022, 8, 20), 4_790_000,
        HandedTo("Prefecture of Bankass", "Préfecture de Bankass", V1.HandoverRecipientKind.LocalAuthority, new DateOnly(2022, 9, 5),
            "MINUSMA/QIP/2022/031/HO"), now);

    private static Project WaterPoints(DateTimeOffset now)
    {
        var project = Project.Create(MissionId, "water-points-douentza", $"{ReportingRef}-QIP-2023-004", V1.ProjectKind.Water,
            Describe("Six water points in Douentza", "Six points d'eau à Douentza",
                "Boreholes with hand pumps for six neighbourhoods of Douentza.", "Forages équipés de pompes manuelles pour six quartiers de Douentza.",
                true, new DateOnly(2023, 2, 1), new DateOnly(2023, 7, 31), Implementer("Association Eau pour Tous", "Association Eau pour Tous"),
                [new SectorShare("14031", 100)], District("ML0504", "Douentza", "Douentza", At(15.0, -2.95)), 4_500_000,
                [new BeneficiaryCount(V1.BeneficiaryGroup.Women, 3000, 3250), new BeneficiaryCount(V1.BeneficiaryGroup.Children, 2500, 2600)]), now);
        project.RecordResult(new Result(string.Empty, V1.ResultType.Output, new Text("Water points built", "Points d'eau construits"),
        [
            new Indicator(string.Empty, new Text("Working water points", "Points d'eau fonctionnels"), V1.IndicatorMeasure.Unit, 2022, 0,
                [new IndicatorPeriod(new DateOnly(2023, 2, 1), new DateOnly(2023, 7, 31), 6, null)]),
        ]), now);
        Completed(project, new DateOnly(2023, 7, 25), 4_480_000,
            HandedTo("Water point management committee of Douentza", "Comité de gestion des points d'eau de Douentza",
                V1.HandoverRecipientKind.Community, new DateOnly(2023, 8, 10), "MINUSMA/QIP/2023/004/HO"), now);
        // Counted at the handover, as a closed project's actuals are.
        project.RecordIndicatorActual(new IndicatorActual("1", "1.1", new DateOnly(2023, 2, 1), new DateOnly(2023, 7, 31), 6), now);
        return project;
    }

    private static Project School(DateTimeOffset now) => Completed(Project.Create(MissionId, "primary-school-sevare",
        $"{ReportingRef}-QIP-2022-019", V1.ProjectKind.Education,
        Describe("Rehabilitation of three classrooms of a primary school in Sévaré", "Réhabilitation de trois salles de classe d'une école primaire à Sévaré",
            "Roofs, benches and latrines for the school.", "Toitures, tables-bancs et latrines pour l'école.",
            true, new DateOnly(2022, 10, 1), new DateOnly(2023, 3, 31), Implementer("GIE Bâtir Mopti", "GIE Bâtir Mopti"),
            [new SectorShare("11220", 100)], Site("sevare", "Sévaré", "Sévaré", At(14.53, -4.1)), 4_900_000,
            [new BeneficiaryCount(V1.BeneficiaryGroup.Children, 420, 455)]), now),
        new DateOnly(2023, 3, 20), 4_870_000,
        HandedTo("Mopti Education Academy", "Académie d'enseignement de Mopti", V1.HandoverRecipientKind.Ministry, new DateOnly(2023, 4, 3),
            "MINUSMA/QIP/2022/019/HO"), now);

    private static Project HealthCentre(DateTimeOffset now) => Completed(Project.Create(MissionId, "health-centre-mopti",
        $"{ReportingRef}-QIP-2022-044", V1.ProjectKind.Health,
        Describe("Equipment for the community health centre of Mopti", "Équipement du centre de santé communautaire de Mopti",
            "Maternity beds, a solar refrigerator for vaccines and medical kits.", "Lits de maternité, un réfrigérateur solaire pour les vaccins et des kits médicaux.",
            true, new DateOnly(2022, 11, 1), new DateOnly(2023, 4, 30), Implementer("ASACO Mopti", "ASACO Mopti"),
            [new SectorShare("12220", 100)], District("ML0506", "Mopti", "Mopti", At(14.49, -4.19)), 4_200_000), now),
        new DateOnly(2023, 4, 15), 4_150_000,
        HandedTo("Regional Health Directorate of Mopti", "Direction régionale de la santé de Mopti", V1.HandoverRecipientKind.Ministry,
            new DateOnly(2023, 5, 2), "MINUSMA/QIP/2022/044/HO"), now);

    private static Project FoodSecurity(DateTimeOffset now)
    {
        var project = Project.Create(MissionId, "market-gardens-bandiagara", $"{ReportingRef}-QIP-2023-012", V1.ProjectKind.FoodSecurity,
            Describe("Market gardens for displaced households in Bandiagara", "Jardins maraîchers pour les ménages déplacés à Bandiagara",
                "Fenced gardens, seeds and tools.", "Jardins clôturés, semences et outils.",
                true, new DateOnly(2023, 6, 1), new DateOnly(2023, 11, 30), Implementer("ONG Delta Survie", "ONG Delta Survie"),
                [new SectorShare("43072", 100)], District("ML0501", "Bandiagara", "Bandiagara", At(14.35, -3.61)), 3_800_000,
                [new BeneficiaryCount(V1.BeneficiaryGroup.Displaced, 600, 0)]), now);
        project.Start(new DateOnly(2023, 6, 15), now);
        project.Cancel(new Text("Cancelled with the mission's withdrawal from Bandiagara", "Annulé avec le retrait de la Mission de Bandiagara"), now);
        return project;
    }

    /// <summary>A five-day workshop; the note names the topics, the days and figures are illustrative.</summary>
    private static Project Workshop(string id, string en, string fr, string sector, V1.TrainingTopic topic, DateTimeOffset now, DateOnly? first = null)
    {
        var start = first ?? new DateOnly(2023, 3, 6);
        return Completed(Project.Create(MissionId, id, $"{ReportingRef}-{id.ToUpperInvariant()}", V1.ProjectKind.TrainingWorkshop,
            Describe(en, fr, "A five-day workshop.", "Un atelier de cinq jours.", false, start, start.AddDays(4),
                topic == V1.TrainingTopic.AdministrativeManagement
                    ? Implementer("MINUSMA Civil Affairs Division", "Division des affaires civiles de la MINUSMA")
                    : Implementer("MINUSMA Human Rights and Protection Division", "Division des droits de l'homme et de la protection de la MINUSMA"),
                [new SectorShare(sector, 100)], District("ML0506", "Mopti", "Mopti", At(14.49, -4.19)), 1_200_000,
                training: new Training(topic,
                [
                    new BeneficiaryCount(V1.BeneficiaryGroup.StateOfficials, 30, 28),
                    new BeneficiaryCount(V1.BeneficiaryGroup.Women, 12, 11),
                ])), now),
            start.AddDays(4), 1_150_000, null, now);
    }

    private static Project YouthAndWomen(DateTimeOffset now) => Completed(Project.Create(MissionId, "youth-women-enterprises-sevare",
        $"{ReportingRef}-QIP-2023-002", V1.ProjectKind.SocialCohesion,
        Describe("Small enterprises for young people and women in Sévaré", "Micro-entreprises pour les jeunes et les femmes à Sévaré",
            "Training and starter kits for small trades.", "Formation et kits de démarrage pour de petits métiers.",
            true, new DateOnly(2023, 1, 15), new DateOnly(2023, 6, 30), Implementer("UNDP Mali", "PNUD Mali"),
            [new SectorShare("16020", 50), new SectorShare("15170", 50)], Site("sevare", "Sévaré", "Sévaré", At(14.53, -4.1)), 4_600_000,
            [new BeneficiaryCount(V1.BeneficiaryGroup.Youth, 120, 131), new BeneficiaryCount(V1.BeneficiaryGroup.Women, 80, 86)]), now),
        new DateOnly(2023, 6, 20), 4_540_000,
        HandedTo("UNDP Mali", "PNUD Mali", V1.HandoverRecipientKind.Partner, new DateOnly(2023, 7, 1), "MINUSMA/QIP/2023/002/HO"), now);

    private static Project PeaceAgreements(DateTimeOffset now) => Completed(Project.Create(MissionId, "local-peace-ogossagou",
        $"{ReportingRef}-CVR-2021-015", V1.ProjectKind.SocialCohesion,
        Describe("Support to local peace agreements in the Ogossagou area", "Appui aux accords de paix locaux dans la zone d'Ogossagou",
            "Intercommunity dialogues with the Regional Reconciliation Support Team.", "Dialogues intercommunautaires avec l'Équipe régionale d'appui à la réconciliation.",
            false, new DateOnly(2021, 4, 1), new DateOnly(2022, 3, 31), Implementer("Regional Reconciliation Support Team, Mopti", "Équipe régionale d'appui à la réconciliation de Mopti"),
            [new SectorShare("15220", 100)], District("ML0502", "Ogossagou, Bankass", "Ogossagou, Bankass", At(14.24, -3.59)), 9_500_000), now),
        new DateOnly(2022, 3, 31), 9_420_000, null, now);

    private static Project SolarYouthCentre(DateTimeOffset now)
    {
        var project = Project.Create(MissionId, "solar-youth-centre-bamako", $"{ReportingRef}-QIP-2023-027", V1.ProjectKind.Infrastructure,
            Describe("Solar power for the Bamako district youth centre", "Énergie solaire pour la maison des jeunes du district de Bamako",
                "Panels and batteries for the centre's training rooms.", "Panneaux et batteries pour les salles de formation de la maison des jeunes.",
                true, new DateOnly(2023, 10, 1), new DateOnly(2024, 3, 31), Implementer("Mali Solaire SARL", "Mali Solaire SARL"),
                [new SectorShare("23210", 100)], new ProjectLocation(null, "missions/minusma/sites/bamako-hq", null, "ML09", "2019",
                    new Text("Bamako", "Bamako"), At(12.64, -8.0)), 4_700_000,
                [new BeneficiaryCount(V1.BeneficiaryGroup.Youth, 900, 0)]), now);
        project.Start(new DateOnly(2023, 10, 16), now);
        project.RecordTransaction(new Transaction(V1.TransactionType.Disbursement, new DateOnly(2023, 11, 1), 2_350_000, null), Usd, now);
        return project;
    }
}
