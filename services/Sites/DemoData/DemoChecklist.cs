using MissionOps.Common.V1;
using MissionOps.Sites.V1;
using static MissionOps.ServiceDefaults.DemoData.DemoValues;

namespace MissionOps.Sites.DemoData;

/// <summary>The closure checklist and handover package of a demo site, with their documents and who signed them.</summary>
internal static class DemoChecklist
{
    public static ClosureStep Step(string missionId, string site, ClosureStepKind kind, DateOnly done, string hostOfficial)
    {
        var owner = Owner(kind);
        // The joint inspection is made with the host ministry, so its report carries the host's signature too.
        string[] signers = kind == ClosureStepKind.JointEnvironmentalInspection ? [owner, hostOfficial] : [owner];
        return new ClosureStep
        {
            Kind = kind,
            CompletedDate = Day(done),
            PerformedBy = owner,
            Documents = { Document(Title(kind), $"{missionId.ToUpperInvariant()}/{site.ToUpperInvariant()}/CL/{(int)kind:D2}", done, signers) },
            Signatories =
            {
                kind == ClosureStepKind.JointEnvironmentalInspection
                    ? [Signs(hostOfficial, "Representative of the host authority", "Représentant de l'autorité hôte", HandoverSide.Host)]
                    : Array.Empty<Signatory>(),
            },
        };
    }

    /// <summary>A handover package with the three documents the contract requires, each signed by both sides.</summary>
    public static SiteHandover Package(string reference, LocalizedText recipient, DateOnly ceremony, Signatory host, Signatory mission,
        LocalizedText civilianUse, IEnumerable<Attendee>? attendees = null, (LocalizedText Inspection, LocalizedText Environment, LocalizedText Remaining)? titles = null)
    {
        var (inspection, environment, remaining) = titles ?? (
            Text("Site inspection certificate", "Certificat d'inspection du site"),
            Text("Environmental clearance certificate", "Certificat de conformité environnementale"),
            Text("List of the infrastructure and equipment handed over", "Liste des infrastructures et équipements remis"));
        string[] signers = [host.FullName, mission.FullName];
        return new SiteHandover
        {
            Recipient = new HandoverRecipient { DisplayName = recipient, Kind = RecipientKind.StateCivilianAuthority },
            CeremonyDate = Day(ceremony),
            Signatories = { host, mission },
            Attendees = { attendees ?? [] },
            Documents =
            {
                new HandoverDocument { Kind = HandoverDocumentKind.SiteInspectionCertificate, Document = Document(inspection, $"{reference}/01", ceremony, signers) },
                new HandoverDocument { Kind = HandoverDocumentKind.EnvironmentalClearanceCertificate, Document = Document(environment, $"{reference}/02", ceremony, signers) },
                new HandoverDocument { Kind = HandoverDocumentKind.RemainingInfrastructureList, Document = Document(remaining, $"{reference}/03", ceremony, signers) },
            },
            AgreedCivilianUse = civilianUse,
        };
    }

    public static Signatory Signs(string name, string roleEn, string roleFr, HandoverSide side) =>
        new() { FullName = name, Role = Text(roleEn, roleFr), Side = side };

    private static LocalizedText Title(ClosureStepKind kind) => kind switch
    {
        ClosureStepKind.ContingentEquipmentWithdrawn => Text("Certificate of withdrawal of contingent-owned equipment",
            "Certificat de retrait du matériel appartenant aux contingents"),
        ClosureStepKind.UnEquipmentRemoved => Text("Record of removal of UN-owned equipment", "Procès-verbal d'enlèvement du matériel de l'ONU"),
        ClosureStepKind.HazardousWasteRemoved => Text("Hazardous waste removal record", "Procès-verbal d'enlèvement des déchets dangereux"),
        ClosureStepKind.EnvironmentalCloseoutAssessment => Text("Environmental close-out assessment", "Évaluation environnementale de clôture"),
        ClosureStepKind.JointEnvironmentalInspection => Text("Joint environmental inspection report with the host ministry",
            "Rapport d'inspection environnementale conjointe avec le ministère"),
        _ => Text("Explosive-hazard survey report", "Rapport d'enquête sur les risques liés aux explosifs"),
    };

    private static string Owner(ClosureStepKind kind) => kind switch
    {
        ClosureStepKind.ContingentEquipmentWithdrawn => "Contingent-Owned Equipment Unit",
        ClosureStepKind.EnvironmentalCloseoutAssessment or ClosureStepKind.JointEnvironmentalInspection => "Environmental Unit",
        ClosureStepKind.ExplosiveHazardSurvey => "Mine Action Service",
        _ => "Supply Chain Management",
    };
}
