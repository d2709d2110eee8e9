using Grpc.Core;
using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;
using static MissionOps.AppHost.Tests.Values;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The closure of Sévaré replayed across the four services, through the AppHost, in a mission of
/// its own: refused while people and a live project remain, accepted once they are gone, handed
/// over, its assets put into disposal by the Sites feed, and the readiness report naming what is left.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SevareReplayTests(MissionOpsSystem system)
{
    private const string Mission = "missions/replay";
    private const string Sevare = "missions/replay/sites/sevare";

    [Fact]
    public async Task The_Sevare_closure_is_refused_then_accepted_handed_over_and_followed_by_liquidation()
    {
        var sites = new SitesService.SitesServiceClient(system.Channel("sites"));
        var personnel = new PersonnelService.PersonnelServiceClient(system.Channel("personnel"));
        var projects = new ProjectsService.ProjectsServiceClient(system.Channel("projects"));
        var liquidation = new LiquidationService.LiquidationServiceClient(system.Channel("liquidation"));

        await sites.CreateMissionAsync(new CreateMissionRequest
        {
            MissionId = "replay",
            RequestId = Id(),
            Mission = new Mission { DisplayName = Text("MINUSMA (replay)", "MINUSMA (rejeu)"), HostCountryCode = "ML", MandateStartDate = Day(2013, 4, 25) },
        });
        await sites.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = Mission,
            RequestId = Id(),
            Region = new Region
            {
                Pcode = "ML05",
                PcodeVersion = "2019",
                DisplayName = Text("Mopti", "Mopti"),
                Districts = { new District { Pcode = "ML0506", DisplayName = Text("Mopti", "Mopti") } },
            },
        });
        await sites.CreateDrawdownPhaseAsync(new CreateDrawdownPhaseRequest
        {
            Parent = Mission,
            DrawdownPhaseId = "phase-2",
            RequestId = Id(),
            DrawdownPhase = new DrawdownPhase { Ordinal = 2, DisplayName = Text("Phase 2", "Phase 2"), StartDate = Day(2023, 9, 1), EndDate = Day(2023, 12, 31) },
        });
        await sites.CreateSiteAsync(new CreateSiteRequest
        {
            Parent = Mission,
            SiteId = "sevare",
            RequestId = Id(),
            Site = new Site
            {
                DisplayName = Text("Sévaré camp", "Camp de Sévaré"),
                Kind = SiteKind.Camp,
                Location = new SiteLocation { RegionPcode = "ML05", DistrictPcode = "ML0506", PcodeVersion = "2019", Locality = "Sévaré" },
                OpeningDate = Day(2013, 7, 1),
            },
        });
        await sites.PlanSiteClosureAsync(new PlanSiteClosureRequest
        {
            Name = Sevare, DrawdownPhase = $"{Mission}/drawdownPhases/phase-2", PlannedClosureDate = Day(2023, 12, 8), RequestId = Id(),
        });
        foreach (var kind in Enum.GetValues<ClosureStepKind>().Where(k => k != ClosureStepKind.Unspecified))
        {
            await sites.RecordClosureStepAsync(new RecordClosureStepRequest
            {
                Name = Sevare,
                RequestId = Id(),
                Step = new MissionOps.Sites.V1.ClosureStep
                {
                    Kind = kind, CompletedDate = Day(2023, 11, 20), PerformedBy = "Mission Support",
                    Documents = { new DocumentReference { Title = Text("Step record", "Procès-verbal"), Reference = $"SEV-CL-{(int)kind}", SignedDate = Day(2023, 11, 20) } },
                    Signatories =
                    {
                        new Signatory { FullName = "Abass Dembélé", Role = Text("Governor of the Mopti Region", "Gouverneur de la région de Mopti"), Side = HandoverSide.Host },
                    },
                },
            });
        }

        await personnel.CreatePersonAsync(new CreatePersonRequest
        {
            Parent = Mission,
            PersonId = "last-soldier",
            RequestId = Id(),
            Person = new Person
            {
                IndexNumber = "R-1", FullName = "Moussa Keïta", Component = Component.Military, Category = Category.Contingent,
                CountryCode = "SN", AssignedSite = Sevare, AssignmentDate = Day(2023, 1, 1),
            },
        });
        await projects.CreateProjectAsync(new CreateProjectRequest
        {
            Parent = Mission,
            ProjectId = "school",
            RequestId = Id(),
            Project = new Project
            {
                IatiIdentifier = "XX-TEST-REPLAY-SCHOOL",
                Title = Text("School", "École"),
                Description = Text("Classrooms", "Salles de classe"),
                Kind = ProjectKind.Education,
                Dates = new ActivityDates { PlannedStart = Day(2023, 1, 1), PlannedEnd = Day(2023, 12, 31) },
                ParticipatingOrganisations =
                {
                    new ParticipatingOrganisation { Name = Text("MINUSMA", "MINUSMA"), Role = OrganisationRole.Funding },
                    new ParticipatingOrganisation { Name = Text("GIE", "GIE"), Role = OrganisationRole.Implementing },
                },
                Sectors = { new Sector { Code = "11220", Percentage = 100 } },
                Locations = { new ProjectLocation { Site = Sevare } },
                Budgets = { new Budget { PeriodStart = Day(2023, 1, 1), PeriodEnd = Day(2023, 12, 31), Value = new Money { CurrencyCode = "USD", MinorUnits = 9_000_000 } } },
            },
        });
        await projects.StartProjectAsync(new StartProjectRequest { Name = $"{Mission}/projects/school", ActualStart = Day(2023, 2, 1), RequestId = Id() });
        await liquidation.UpdateLiquidationPlanAsync(new UpdateLiquidationPlanRequest
        {
            RequestId = Id(),
            LiquidationPlan = new LiquidationPlan
            {
                Name = $"{Mission}/liquidationPlan", StartDate = Day(2024, 1, 1),
                ApprovalThreshold = new Money { CurrencyCode = "USD", MinorUnits = 5_000_000 },
            },
        });
        await liquidation.CreateAssetAsync(new CreateAssetRequest
        {
            Parent = Mission,
            AssetId = "camp-buildings",
            RequestId = Id(),
            Asset = new Asset
            {
                Description = Text("Camp buildings", "Bâtiments du camp"), Ownership = Ownership.UnOwned, Category = AssetCategory.PrefabricatedBuilding,
                Site = Sevare, InventoryNumber = "SEV-B",
                AcquisitionCost = new Money { CurrencyCode = "USD", MinorUnits = 40_000_000 },
                DepreciatedValue = new Money { CurrencyCode = "USD", MinorUnits = 12_000_000 },
            },
        });

        var closure = new RecordSiteClosureRequest { Name = Sevare, ClosureDate = Day(2023, 12, 8), RequestId = Id() };
        var refused = await Assert.ThrowsAsync<RpcException>(() => sites.RecordSiteClosureAsync(closure).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("SITE_NOT_CLEAR", refused.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>()?.Reason);
        Assert.Contains("R-1", refused.Status.Detail);
        Assert.Contains($"{Mission}/projects/school", refused.Status.Detail);

        await personnel.CreateMovementAsync(new CreateMovementRequest
        {
            Parent = Mission,
            MovementId = "last-flight",
            RequestId = Id(),
            Movement = new Movement
            {
                Person = $"{Mission}/personnel/last-soldier", Kind = MovementKind.Repatriation, Mode = MovementMode.Flight,
                OriginSite = Sevare, PlannedDate = Day(2023, 12, 8),
            },
        });
        await personnel.StartMovementAsync(new StartMovementRequest { Name = $"{Mission}/movements/last-flight", DepartureDate = Day(2023, 12, 8), RequestId = Id() });
        await personnel.CompleteMovementAsync(new CompleteMovementRequest { Name = $"{Mission}/movements/last-flight", ArrivalDate = Day(2023, 12, 8), RequestId = Id() });
        await projects.FinaliseProjectAsync(new FinaliseProjectRequest { Name = $"{Mission}/projects/school", ActualEnd = Day(2023, 11, 30), RequestId = Id() });
        await projects.RecordProjectHandoverAsync(new RecordProjectHandoverRequest
        {
            Name = $"{Mission}/projects/school",
            RequestId = Id(),
            Handover = new MissionOps.Projects.V1.ProjectHandover
            {
                Recipient = Text("Mopti Education Academy", "Académie d'enseignement de Mopti"), RecipientKind = HandoverRecipientKind.Ministry,
                HandoverDate = Day(2023, 12, 1),
                Document = new DocumentReference { Title = Text("Handover", "Remise"), Reference = "HO-S", SignedDate = Day(2023, 12, 1) },
            },
        });

        closure.RequestId = Id();
        var closed = await sites.RecordSiteClosureAsync(closure);
        Assert.Equal(SiteState.Closed, closed.State);

        var handedOver = await sites.RecordSiteHandoverAsync(new RecordSiteHandoverRequest
        {
            Name = Sevare,
            RequestId = Id(),
            Handover = new MissionOps.Sites.V1.SiteHandover
            {
                Recipient = new HandoverRecipient { DisplayName = Text("Governorate of the Mopti Region", "Gouvernorat de la région de Mopti"), Kind = RecipientKind.StateCivilianAuthority },
                CeremonyDate = Day(2023, 12, 8),
                Signatories =
                {
                    new Signatory { FullName = "Abass Dembélé", Role = Text("Governor of the Mopti Region", "Gouverneur de la région de Mopti"), Side = HandoverSide.Host },
                    new Signatory { FullName = "Jens Kristensen", Role = Text("Acting Head of the Regional Office", "Chef par intérim du bureau régional"), Side = HandoverSide.Mission },
                },
                Documents =
                {
                    new HandoverDocument { Kind = HandoverDocumentKind.SiteInspectionCertificate, Document = new DocumentReference { Title = Text("State of the camp", "État du camp"), Reference = "S-1", SignedDate = Day(2023, 12, 8) } },
                    new HandoverDocument { Kind = HandoverDocumentKind.RemainingInfrastructureList, Document = new DocumentReference { Title = Text("Infrastructure", "Infrastructures"), Reference = "S-2", SignedDate = Day(2023, 12, 8) } },
                    new HandoverDocument { Kind = HandoverDocumentKind.EnvironmentalClearanceCertificate, Document = new DocumentReference { Title = Text("Environment", "Environnement"), Reference = "S-3", SignedDate = Day(2023, 12, 8) } },
                },
                AgreedCivilianUse = Text("Regional administration", "Administration régionale"),
            },
        });
        Assert.Equal(SiteState.HandedOver, handedOver.State);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        MissionOps.Liquidation.V1.DisposalCase? opened = null;
        while (opened is null && DateTime.UtcNow < deadline)
        {
            opened = (await liquidation.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Mission })).DisposalCases.FirstOrDefault();
            await Task.Delay(250);
        }

        Assert.NotNull(opened);
        Assert.Equal(($"{Mission}/assets/camp-buildings", DisposalMethod.HandoverToHostGovernment), (opened.Asset, opened.Method));
        Assert.Contains(Sevare, opened.OpenedByEvent);

        var readiness = await liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Mission });
        Assert.False(readiness.Ready);
        var blocker = Assert.Single(readiness.BlockingItems);
        Assert.Equal((BlockerKind.AssetNotDisposed, $"{Mission}/assets/camp-buildings"), (blocker.Kind, blocker.Resource));

        // Every change above wrote exactly one audit entry in its service; the refused closure wrote none.
        var sitesLog = (await sites.ListAuditEntriesAsync(new MissionOps.Sites.V1.ListAuditEntriesRequest { Parent = Mission, PageSize = 100 })).AuditEntries;
        var personnelLog = (await personnel.ListAuditEntriesAsync(new MissionOps.Personnel.V1.ListAuditEntriesRequest { Parent = Mission, PageSize = 100 })).AuditEntries;
        var projectsLog = (await projects.ListAuditEntriesAsync(new MissionOps.Projects.V1.ListAuditEntriesRequest { Parent = Mission, PageSize = 100 })).AuditEntries;
        var liquidationLog = (await liquidation.ListAuditEntriesAsync(new MissionOps.Liquidation.V1.ListAuditEntriesRequest { Parent = Mission, PageSize = 100 })).AuditEntries;
        Assert.Equal(
            ["CreateMission", "CreateRegion", "CreateDrawdownPhase", "CreateSite", "PlanSiteClosure", .. Enumerable.Repeat("RecordClosureStep", 6),
                "RecordSiteClosure", "RecordSiteHandover"],
            sitesLog.Reverse().Select(e => e.Method.Split('/')[^1]));
        // The closure refused while someone was still there read who it was: that read of personal data is audited too.
        Assert.Equal(["CreatePerson", "GetSiteOccupancy", "CreateMovement", "StartMovement", "CompleteMovement"],
            personnelLog.Reverse().Select(e => e.Method.Split('/')[^1]));
        Assert.Equal(["CreateProject", "StartProject", "FinaliseProject", "RecordProjectHandover"], projectsLog.Reverse().Select(e => e.Method.Split('/')[^1]));
        Assert.Equal(3, liquidationLog.Count);
        Assert.Equal("service:liquidation", liquidationLog[0].Subject);
        Assert.Single(sitesLog, e => e.Method.EndsWith("/RecordSiteClosure", StringComparison.Ordinal) && e.Before.Unpack<Site>().State == SiteState.Closing);
    }
}
