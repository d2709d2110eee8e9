using Date = Google.Type.Date;
using MissionOps.Common.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Sites.Tests.Api;

/// <summary>Valid requests to start from; each test breaks what it is about.</summary>
public static class Requests
{
    public const string Minusma = "missions/minusma";

    public static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static string NewId() => Guid.NewGuid().ToString();

    public static CreateMissionRequest CreateMission(string id = "minusma") => new()
    {
        MissionId = id,
        RequestId = NewId(),
        Mission = new V1.Mission
        {
            DisplayName = Text("United Nations Multidimensional Integrated Stabilization Mission in Mali",
                "Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali"),
            HostCountryCode = "ML",
            MandateStartDate = Day(2013, 4, 25),
            MandateEndDate = Day(2023, 12, 31),
            LiquidationStartDate = Day(2024, 1, 1),
        },
    };

    public static CreateRegionRequest CreateMopti() => new()
    {
        Parent = Minusma,
        RequestId = NewId(),
        Region = new V1.Region
        {
            Pcode = "ML05",
            PcodeVersion = "2019",
            DisplayName = Text("Mopti", "Mopti"),
            Districts =
            {
                new District { Pcode = "ML0501", DisplayName = Text("Bandiagara", "Bandiagara") },
                new District { Pcode = "ML0502", DisplayName = Text("Bankass", "Bankass") },
                new District { Pcode = "ML0504", DisplayName = Text("Douentza", "Douentza") },
                new District { Pcode = "ML0506", DisplayName = Text("Mopti", "Mopti") },
            },
        },
    };

    public static CreateDrawdownPhaseRequest CreatePhase2() => new()
    {
        Parent = Minusma,
        DrawdownPhaseId = "phase-2",
        RequestId = NewId(),
        DrawdownPhase = new V1.DrawdownPhase
        {
            Ordinal = 2,
            DisplayName = Text("Drawdown phase 2", "Deuxième phase du retrait"),
            StartDate = Day(2023, 9, 1),
            EndDate = Day(2023, 12, 31),
        },
    };

    public static CreateSiteRequest CreateSite(string id = "sevare", SiteKind kind = SiteKind.Camp, string district = "ML0506") => new()
    {
        Parent = Minusma,
        SiteId = id,
        RequestId = NewId(),
        Site = new V1.Site
        {
            DisplayName = Text($"{id} site", $"site de {id}"),
            Kind = kind,
            Location = new SiteLocation { RegionPcode = "ML05", DistrictPcode = district, PcodeVersion = "2019", Locality = "Sévaré" },
            OpeningDate = Day(2013, 7, 1),
        },
    };

    public static PlanSiteClosureRequest Plan(string site, Date date) => new()
    {
        Name = $"{Minusma}/sites/{site}",
        DrawdownPhase = $"{Minusma}/drawdownPhases/phase-2",
        PlannedClosureDate = date,
        RequestId = NewId(),
    };

    public static RecordClosureStepRequest Step(string site, ClosureStepKind kind, Date done) => new()
    {
        Name = $"{Minusma}/sites/{site}",
        RequestId = NewId(),
        Step = new V1.ClosureStep
        {
            Kind = kind,
            CompletedDate = done,
            PerformedBy = "Environmental Unit",
            Documents = { Document("STEP-" + (int)kind, done) },
            Signatories = { HostSignatory() },
        },
    };

    public static RecordSiteClosureRequest CloseRequest(string site, Date date) => new()
    {
        Name = $"{Minusma}/sites/{site}",
        ClosureDate = date,
        RequestId = NewId(),
    };

    public static Signatory HostSignatory() => new()
    {
        FullName = "Abass Dembélé",
        Role = Text("Governor of the Mopti Region", "Gouverneur de la région de Mopti"),
        Side = HandoverSide.Host,
    };

    /// <summary>Tessalit's end in October 2023: destroyed, vehicles and ammunition destroyed in place, a board of inquiry.</summary>
    public static RecordSiteLeftWithoutHandoverRequest LeftRequest(string site, Date left) => new()
    {
        Name = $"{Minusma}/sites/{site}",
        RequestId = NewId(),
        LeftWithoutHandover = new LeftWithoutHandoverRecord
        {
            Circumstance = LeftCircumstance.Destroyed,
            LeftDate = left,
            Reason = Text("Camp left under fire ahead of schedule; no authority to receive it",
                "Camp quitté sous le feu avant la date prévue ; aucune autorité pour le recevoir"),
            ItemsLeft =
            {
                new ItemLeftInPlace
                {
                    Description = Text("Vehicles and generators", "Véhicules et groupes électrogènes"),
                    Disposition = InPlaceDisposition.Destroyed,
                    Quantity = 40,
                    Reason = Text("No convoy could take them out", "Aucun convoi ne pouvait les évacuer"),
                },
            },
            BoardReference = "MINUSMA/BOI/2023/031",
        },
    };

    public static DocumentReference Document(string reference, Date signed) => new()
    {
        Title = Text($"Document {reference}", $"Document {reference}"),
        Reference = reference,
        SignedDate = signed,
        SignedBy = { "Abass Dembélé", "Jens Kristensen" },
    };

    public static RecordSiteHandoverRequest HandoverRequest(string site, Date ceremony) => new()
    {
        Name = $"{Minusma}/sites/{site}",
        RequestId = NewId(),
        Handover = new SiteHandover
        {
            Recipient = new HandoverRecipient
            {
                DisplayName = Text("Governorate of the Mopti Region", "Gouvernorat de la région de Mopti"),
                Kind = RecipientKind.StateCivilianAuthority,
            },
            CeremonyDate = ceremony,
            Signatories =
            {
                new Signatory { FullName = "Abass Dembélé", Role = Text("Governor of the Mopti Region", "Gouverneur de la région de Mopti"), Side = HandoverSide.Host },
                new Signatory { FullName = "Jens Kristensen", Role = Text("Acting Head of Regional Office", "Chef par intérim du bureau régional"), Side = HandoverSide.Mission },
            },
            Attendees = { new Attendee { FullName = "Atul Khare", Role = Text("Under-Secretary-General for Operational Support", "Secrétaire général adjoint à l'appui opérationnel") } },
            Documents =
            {
                new HandoverDocument { Kind = HandoverDocumentKind.SiteInspectionCertificate, Document = Document("HO-1", ceremony) },
                new HandoverDocument { Kind = HandoverDocumentKind.RemainingInfrastructureList, Document = Document("HO-2", ceremony) },
                new HandoverDocument { Kind = HandoverDocumentKind.EnvironmentalClearanceCertificate, Document = Document("HO-3", ceremony) },
            },
            AgreedCivilianUse = Text("Regional administration offices", "Bureaux de l'administration régionale"),
        },
    };
}
