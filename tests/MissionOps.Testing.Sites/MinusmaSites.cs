using MissionOps.Common.V1;
using MissionOps.Sites.V1;

namespace MissionOps.Testing;

/// <summary>What the services that name sites and phases need to find in Sites: MINUSMA, Mopti, drawdown phase 2 and three sites.</summary>
public static class MinusmaSites
{
    public const string Mission = "missions/minusma";
    public static readonly string[] SiteIds = ["sevare", "bamako-hq", "douentza"];

    /// <summary>The sites' names as the Sites demo data has them: accents, and a comma to quote in a CSV file.</summary>
    private static readonly Dictionary<string, LocalizedText> Names = new()
    {
        ["sevare"] = new LocalizedText { En = "Sévaré camp", Fr = "Camp de Sévaré" },
        ["bamako-hq"] = new LocalizedText { En = "Mission headquarters, Bamako", Fr = "Quartier général de la Mission, Bamako" },
        ["douentza"] = new LocalizedText { En = "Douentza base", Fr = "Base de Douentza" },
    };

    public static async Task CreateAsync(SitesService.SitesServiceClient sites)
    {
        await sites.CreateMissionAsync(new CreateMissionRequest
        {
            MissionId = "minusma",
            RequestId = Guid.NewGuid().ToString(),
            Mission = new Mission
            {
                DisplayName = new LocalizedText { En = "MINUSMA", Fr = "MINUSMA" },
                HostCountryCode = "ML",
                MandateStartDate = new Google.Type.Date { Year = 2013, Month = 4, Day = 25 },
            },
        });
        await CreateRegionAsync(sites, "ML05", "ML0506", Text("Mopti", "Mopti"));
        await sites.CreateDrawdownPhaseAsync(new CreateDrawdownPhaseRequest
        {
            Parent = Mission,
            DrawdownPhaseId = "phase-2",
            RequestId = Guid.NewGuid().ToString(),
            DrawdownPhase = new DrawdownPhase
            {
                Ordinal = 2,
                DisplayName = new LocalizedText { En = "Drawdown phase 2", Fr = "Deuxième phase du retrait" },
                StartDate = new Google.Type.Date { Year = 2023, Month = 9, Day = 1 },
                EndDate = new Google.Type.Date { Year = 2023, Month = 12, Day = 31 },
            },
        });
        foreach (var id in SiteIds)
        {
            await CreateCampAsync(sites, id, Names[id], "ML05", "ML0506");
        }
    }

    /// <summary>
    /// The Timbuktu region (ML06) and its camp (<c>timbuktu</c>), open: a region apart from Mopti's,
    /// for what a caller limited to one region sees of the other.
    /// </summary>
    public static async Task AddTimbuktuAsync(SitesService.SitesServiceClient sites)
    {
        await CreateRegionAsync(sites, "ML06", "ML0605", Text("Timbuktu", "Tombouctou"));
        await CreateCampAsync(sites, "timbuktu", Text("Timbuktu camp", "Camp de Tombouctou"), "ML06", "ML0605");
    }

    /// <summary>Another camp in Mopti, open, as the suites that need many sites add them.</summary>
    public static Task<Site> AddCampAsync(SitesService.SitesServiceClient sites, string id) =>
        CreateCampAsync(sites, id, Text($"Camp {id}", $"Camp {id}"), "ML05", "ML0506");

    private static Task<Region> CreateRegionAsync(SitesService.SitesServiceClient sites, string pcode, string district, LocalizedText name) =>
        sites.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = Mission,
            RequestId = Guid.NewGuid().ToString(),
            Region = new Region
            {
                Pcode = pcode,
                PcodeVersion = "2019",
                DisplayName = name,
                Districts = { new District { Pcode = district, DisplayName = name } },
            },
        }).ResponseAsync;

    private static Task<Site> CreateCampAsync(SitesService.SitesServiceClient sites, string id, LocalizedText name, string region, string district) =>
        sites.CreateSiteAsync(new CreateSiteRequest
        {
            Parent = Mission,
            SiteId = id,
            RequestId = Guid.NewGuid().ToString(),
            Site = new Site
            {
                DisplayName = name,
                Kind = SiteKind.Camp,
                Location = new SiteLocation { RegionPcode = region, DistrictPcode = district, PcodeVersion = "2019" },
                OpeningDate = new Google.Type.Date { Year = 2013, Month = 7, Day = 1 },
            },
        }).ResponseAsync;
    /// <summary>Closes every site and hands it over to the host State, as a mission does before its liquidation can close.</summary>
    public static async Task HandOverEveryAsync(SitesService.SitesServiceClient sites)
    {
        foreach (var id in SiteIds)
        {
            var closed = await CloseAsync(sites, id);
            await sites.RecordSiteHandoverAsync(new RecordSiteHandoverRequest { Name = closed.Name, RequestId = Guid.NewGuid().ToString(), Handover = Handover(closed.ClosingDate) });
        }
    }

    /// <summary>Records a site's closure on 8 December 2023, in an emergency so that no checklist is needed.</summary>
    public static Task<Site> CloseAsync(SitesService.SitesServiceClient sites, string id) => sites.RecordSiteClosureAsync(ClosureRequest(id)).ResponseAsync;

    /// <summary>What <see cref="CloseAsync"/> sends, under one request id: sent again, it is the same closure.</summary>
    public static RecordSiteClosureRequest ClosureRequest(string id) => new()
    {
        Name = $"{Mission}/sites/{id}",
        ClosureDate = new Google.Type.Date { Year = 2023, Month = 12, Day = 8 },
        RequestId = Guid.NewGuid().ToString(),
        Emergency = new EmergencyClosure
        {
            Reason = Text("Drawdown", "Retrait"),
            ItemsLeftInPlace = { new ItemLeftInPlace { Description = Text("None", "Aucun"), Disposition = InPlaceDisposition.Abandoned, Reason = Text("-", "-") } },
        },
    };

    /// <summary>Records a site left without handover on 8 December 2023 (the day CloseAsync closes it), destroyed, under a board of inquiry's reference.</summary>
    public static Task<Site> LeaveWithoutHandoverAsync(SitesService.SitesServiceClient sites, string id, string boardReference) =>
        sites.RecordSiteLeftWithoutHandoverAsync(new RecordSiteLeftWithoutHandoverRequest
        {
            Name = $"{Mission}/sites/{id}",
            RequestId = Guid.NewGuid().ToString(),
            LeftWithoutHandover = new LeftWithoutHandoverRecord
            {
                Circumstance = LeftCircumstance.Destroyed,
                LeftDate = new Google.Type.Date { Year = 2023, Month = 12, Day = 8 },
                Reason = Text("Left under fire ahead of schedule", "Quitté sous le feu avant la date prévue"),
                ItemsLeft = { new ItemLeftInPlace { Description = Text("Vehicles", "Véhicules"), Disposition = InPlaceDisposition.Destroyed, Reason = Text("No convoy", "Pas de convoi") } },
                BoardReference = boardReference,
            },
        }).ResponseAsync;

    private static SiteHandover Handover(Google.Type.Date ceremony) => new()
    {
        Recipient = new HandoverRecipient { DisplayName = Text("Governorate of the Mopti Region", "Gouvernorat de la région de Mopti"), Kind = RecipientKind.StateCivilianAuthority },
        CeremonyDate = ceremony,
        Signatories =
        {
            new Signatory { FullName = "Abass Dembélé", Role = Text("Governor of the Mopti Region", "Gouverneur de la région de Mopti"), Side = HandoverSide.Host },
            new Signatory { FullName = "Jens Kristensen", Role = Text("Head of Regional Office", "Chef du bureau régional"), Side = HandoverSide.Mission },
        },
        Documents =
        {
            Document(HandoverDocumentKind.SiteInspectionCertificate, "HO-1", ceremony),
            Document(HandoverDocumentKind.RemainingInfrastructureList, "HO-2", ceremony),
            Document(HandoverDocumentKind.EnvironmentalClearanceCertificate, "HO-3", ceremony),
        },
        AgreedCivilianUse = Text("Regional administration offices", "Bureaux de l'administration régionale"),
    };

    private static HandoverDocument Document(HandoverDocumentKind kind, string reference, Google.Type.Date signed) => new()
    {
        Kind = kind,
        Document = new DocumentReference
        {
            Title = Text($"Document {reference}", $"Document {reference}"),
            Reference = reference,
            SignedDate = signed,
            SignedBy = { "Abass Dembélé", "Jens Kristensen" },
        },
    };

    private static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };
}
