using Google.Protobuf.Reflection;
using Grpc.Core;
using MissionOps.Common.V1;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.AppHost.Tests.Values;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The closure of Sévaré replayed across the four services, through the AppHost, in a mission of
/// its own: refused while people and a live project remain, accepted once they are gone (two of them
/// by a manifest: one to Mopti, one home), handed over, its assets put into disposal by the Sites feed,
/// and the readiness report naming what is left. A partner follows the four feeds from the start
/// while it happens, and the copy it builds from the events alone is what the services answer.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SevareReplayTests(MissionOpsSystem system)
{
    private const string Mission = "missions/replay";
    private const string Sevare = "missions/replay/sites/sevare";
    private const string Mopti = "missions/replay/sites/mopti";
    private const string Battalion = "missions/replay/units/senbatt";

    [Fact]
    public async Task The_Sevare_closure_is_refused_then_accepted_handed_over_and_followed_by_liquidation()
    {
        var sites = new SitesService.SitesServiceClient(system.Channel("sites"));
        var personnel = new PersonnelService.PersonnelServiceClient(system.Channel("personnel"));
        var projects = new ProjectsService.ProjectsServiceClient(system.Channel("projects"));
        var liquidation = new LiquidationService.LiquidationServiceClient(system.Channel("liquidation"));
        // The partner starts following before the mission exists, from the start of each feed.
        await using var sitesFeed = Follow("sites", SitesService.Descriptor);
        await using var personnelFeed = Follow("personnel", PersonnelService.Descriptor);
        await using var projectsFeed = Follow("projects", ProjectsService.Descriptor);
        await using var liquidationFeed = Follow("liquidation", LiquidationService.Descriptor);

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
        await CreateSiteAsync(sites, "sevare", Text("Sévaré camp", "Camp de Sévaré"), SiteKind.Camp, "Sévaré");
        await CreateSiteAsync(sites, "mopti", Text("Mopti team site", "Site d'équipe de Mopti"), SiteKind.TeamSite, "Mopti");
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

        await personnel.CreateUnitAsync(new CreateUnitRequest
        {
            Parent = Mission,
            UnitId = "senbatt",
            RequestId = Id(),
            Unit = new Unit { DisplayName = Text("Senegalese battalion", "Bataillon sénégalais"), CountryCode = "SN", Kind = UnitKind.Infantry },
        });
        await HireAtSevareAsync(personnel, "last-soldier", "R-1", "Moussa Keïta");
        await HireAtSevareAsync(personnel, "driver", "R-2", "Aminata Diop");
        await HireAtSevareAsync(personnel, "signaller", "R-3", "Ibrahima Fall");
        // Two of the three leave before the closure date on one manifest, both movements already made:
        // the driver by road to Mopti, the signaller home by air.
        var manifest = await ImportManifestAsync(personnel, new ManifestHeader { Parent = Mission, ManifestId = "sevare-2023-11", RequestId = Id() },
            new ManifestRow
            {
                IndexNumber = "R-2", Kind = MovementKind.Transfer, Mode = MovementMode.RoadConvoy, OriginSite = Sevare, DestinationSite = Mopti,
                PlannedDate = Day(2023, 11, 27), ArrivalDate = Day(2023, 11, 28),
            },
            new ManifestRow
            {
                IndexNumber = "R-3", Kind = MovementKind.Repatriation, Mode = MovementMode.Flight, OriginSite = Sevare,
                PlannedDate = Day(2023, 11, 29), ArrivalDate = Day(2023, 11, 29),
            });
        Assert.Equal((2, 2), (manifest.MovementCount, manifest.CompletedCount));
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
        Assert.DoesNotContain("R-2", refused.Status.Detail);
        Assert.DoesNotContain("R-3", refused.Status.Detail);
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

        // Mopti is still open, with the driver there today.
        var readiness = await liquidation.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Mission });
        Assert.False(readiness.Ready);
        Assert.Equal(
            [(BlockerKind.SiteNotHandedOver, Mopti), (BlockerKind.PersonnelRemaining, Mopti), (BlockerKind.AssetNotDisposed, $"{Mission}/assets/camp-buildings")],
            readiness.BlockingItems.Select(b => (b.Kind, b.Resource)));

        // Every change above wrote exactly one audit entry in its service; the refused closure wrote none.
        // The partner's following of the Personnel feed is a read of personal data, audited once as it opened.
        var sitesLog = (await sites.ListAuditEntriesAsync(new MissionOps.Sites.V1.ListAuditEntriesRequest { Parent = Mission, PageSize = 100 })).AuditEntries;
        var personnelLog = (await personnel.ListAuditEntriesAsync(new MissionOps.Personnel.V1.ListAuditEntriesRequest { Parent = Mission, PageSize = 100 })).AuditEntries;
        var projectsLog = (await projects.ListAuditEntriesAsync(new MissionOps.Projects.V1.ListAuditEntriesRequest { Parent = Mission, PageSize = 100 })).AuditEntries;
        var liquidationLog = (await liquidation.ListAuditEntriesAsync(new MissionOps.Liquidation.V1.ListAuditEntriesRequest { Parent = Mission, PageSize = 100 })).AuditEntries;
        Assert.Equal(
            ["CreateMission", "CreateRegion", "CreateDrawdownPhase", "CreateSite", "CreateSite", "PlanSiteClosure", .. Enumerable.Repeat("RecordClosureStep", 6),
                "RecordSiteClosure", "RecordSiteHandover"],
            sitesLog.Reverse().Select(e => e.Method.Split('/')[^1]));
        // The closure refused while someone was still there read who it was: that read of personal data is audited too. The
        // readiness report counts who is left at each site (ListSiteOccupancies) without naming anyone, so it reads none.
        Assert.Single(personnelLog, e => e.Method.EndsWith("/WatchEvents", StringComparison.Ordinal));
        Assert.Equal(
            ["CreateUnit", .. Enumerable.Repeat("CreatePerson", 3), "ImportMovementManifest", "GetSiteOccupancy", "CreateMovement", "StartMovement",
                "CompleteMovement"],
            personnelLog.Reverse().Select(e => e.Method.Split('/')[^1]).Where(m => m != "WatchEvents"));
        Assert.Equal(["CreateProject", "StartProject", "FinaliseProject", "RecordProjectHandover"], projectsLog.Reverse().Select(e => e.Method.Split('/')[^1]));
        // Besides, Liquidation audits its own findings: Mopti, still open long after the end of phase 2, is forecast past it
        // (its outlook is recorded a moment after the last change Liquidation read of it).
        var findingsDeadline = DateTime.UtcNow.AddSeconds(20);
        while (!liquidationLog.Any(e => e.Resource == $"{Mopti}/outlook") && DateTime.UtcNow < findingsDeadline)
        {
            await Task.Delay(250);
            liquidationLog = (await liquidation.ListAuditEntriesAsync(new MissionOps.Liquidation.V1.ListAuditEntriesRequest { Parent = Mission, PageSize = 100 })).AuditEntries;
        }

        var findings = liquidationLog.Where(e => e.Method == "Forecast").ToList();
        Assert.Contains(findings, e => e.Resource == $"{Mopti}/outlook" && e.Subject == "service:liquidation");
        Assert.Equal(3, liquidationLog.Count - findings.Count);
        Assert.Equal("service:liquidation", liquidationLog.First(e => e.Method != "Forecast").Subject);
        Assert.Single(sitesLog, e => e.Method.EndsWith("/RecordSiteClosure", StringComparison.Ordinal) && e.Before.Unpack<Site>().State == SiteState.Closing);

        await AssertSitesFeedMirrorsAsync(sites, await sitesFeed.StopAsync());
        await AssertPersonnelFeedMirrorsAsync(personnel, await personnelFeed.StopAsync());
        await AssertProjectsFeedMirrorsAsync(projects, await projectsFeed.StopAsync());
        await AssertLiquidationFeedMirrorsAsync(liquidation, await liquidationFeed.StopAsync());
    }

    /// <summary>The mission, its regions, phases and sites, as the copy built from the Sites feed has them and as Sites answers.</summary>
    private static async Task AssertSitesFeedMirrorsAsync(SitesService.SitesServiceClient sites, IReadOnlyList<ChangeEvent> feed)
    {
        var copy = new FeedMirror(feed, MissionOps.Sites.V1.EventsReflection.Descriptor);
        copy.AssertMirrors([await sites.GetMissionAsync(new GetMissionRequest { Name = Mission })], m => m.Name);
        copy.AssertMirrors((await sites.ListRegionsAsync(new ListRegionsRequest { Parent = Mission, PageSize = 1000 })).Regions, r => r.Name);
        copy.AssertMirrors((await sites.ListDrawdownPhasesAsync(new ListDrawdownPhasesRequest { Parent = Mission, PageSize = 1000 })).DrawdownPhases, p => p.Name);
        var listed = (await sites.ListSitesAsync(new ListSitesRequest { Parent = Mission, PageSize = 1000 })).Sites;
        Assert.Equal([Mopti, Sevare], listed.Select(s => s.Name).Order(StringComparer.Ordinal));
        await copy.AssertMirrorsAsync(listed, s => s.Name, name => sites.GetSiteAsync(new GetSiteRequest { Name = name }).ResponseAsync);
        Assert.Equal(SiteState.HandedOver, ((Site)copy.Of(Site.Descriptor)[Sevare]).State);
    }

    /// <summary>
    /// The people, units, movements (the manifest's too), residual roster and targets, with what Personnel derives:
    /// where each person is after the movements, and the unit's strength.
    /// </summary>
    private static async Task AssertPersonnelFeedMirrorsAsync(PersonnelService.PersonnelServiceClient personnel, IReadOnlyList<ChangeEvent> feed)
    {
        var copy = new FeedMirror(feed, MissionOps.Personnel.V1.EventsReflection.Descriptor);
        var people = (await personnel.ListPersonnelAsync(new ListPersonnelRequest { Parent = Mission, PageSize = 1000 })).Personnel;
        await copy.AssertMirrorsAsync(people, p => p.Name, name => personnel.GetPersonAsync(new GetPersonRequest { Name = name }).ResponseAsync);
        await copy.AssertMirrorsAsync((await personnel.ListUnitsAsync(new ListUnitsRequest { Parent = Mission, PageSize = 1000 })).Units, u => u.Name,
            name => personnel.GetUnitAsync(new GetUnitRequest { Name = name }).ResponseAsync);
        var movements = (await personnel.ListMovementsAsync(new ListMovementsRequest { Parent = Mission, PageSize = 1000 })).Movements;
        Assert.Equal(3, movements.Count);
        await copy.AssertMirrorsAsync(movements, m => m.Name, name => personnel.GetMovementAsync(new GetMovementRequest { Name = name }).ResponseAsync);
        copy.AssertMirrors((await personnel.ListResidualRosterEntriesAsync(new ListResidualRosterEntriesRequest { Parent = Mission, PageSize = 1000 }))
            .ResidualRosterEntries, e => e.Name);
        copy.AssertMirrors((await personnel.ListDrawdownTargetsAsync(new ListDrawdownTargetsRequest { Parent = Mission, PageSize = 1000 })).DrawdownTargets,
            t => t.Name);

        var driver = (Person)copy.Of(Person.Descriptor)[$"{Mission}/personnel/driver"];
        Assert.Equal((Mopti, false), (driver.CurrentSite, driver.Repatriated));
        Assert.True(((Person)copy.Of(Person.Descriptor)[$"{Mission}/personnel/signaller"]).Repatriated);
        Assert.Equal(3, ((Unit)copy.Of(Unit.Descriptor)[Battalion]).Strength);
    }

    /// <summary>The projects, and the quick-impact rules if the mission has any.</summary>
    private static async Task AssertProjectsFeedMirrorsAsync(ProjectsService.ProjectsServiceClient projects, IReadOnlyList<ChangeEvent> feed)
    {
        var copy = new FeedMirror(feed, MissionOps.Projects.V1.EventsReflection.Descriptor);
        var listed = (await projects.ListProjectsAsync(new ListProjectsRequest { Parent = Mission, PageSize = 1000 })).Projects;
        Assert.NotEmpty(listed);
        await copy.AssertMirrorsAsync(listed, p => p.Name, name => projects.GetProjectAsync(new GetProjectRequest { Name = name }).ResponseAsync);
        copy.AssertMirrors(await FoundAsync(() => projects.GetQuickImpactRulesAsync(new GetQuickImpactRulesRequest { Name = $"{Mission}/quickImpactRules" })),
            r => r.Name);
    }

    /// <summary>The plan, assets, disposal cases (the one opened on the Sites feed's word too), liabilities, records and final report.</summary>
    private static async Task AssertLiquidationFeedMirrorsAsync(LiquidationService.LiquidationServiceClient liquidation, IReadOnlyList<ChangeEvent> feed)
    {
        var copy = new FeedMirror(feed, MissionOps.Liquidation.V1.EventsReflection.Descriptor);
        copy.AssertMirrors([await liquidation.GetLiquidationPlanAsync(new GetLiquidationPlanRequest { Name = $"{Mission}/liquidationPlan" })], p => p.Name);
        await copy.AssertMirrorsAsync((await liquidation.ListAssetsAsync(new ListAssetsRequest { Parent = Mission, PageSize = 1000 })).Assets, a => a.Name,
            name => liquidation.GetAssetAsync(new GetAssetRequest { Name = name }).ResponseAsync);
        var cases = (await liquidation.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Mission, PageSize = 1000 })).DisposalCases;
        Assert.Single(cases);
        await copy.AssertMirrorsAsync(cases, c => c.Name, name => liquidation.GetDisposalCaseAsync(new GetDisposalCaseRequest { Name = name }).ResponseAsync);
        copy.AssertMirrors((await liquidation.ListLiabilitiesAsync(new ListLiabilitiesRequest { Parent = Mission, PageSize = 1000 })).Liabilities, l => l.Name);
        copy.AssertMirrors((await liquidation.ListArchiveRecordsAsync(new ListArchiveRecordsRequest { Parent = Mission, PageSize = 1000 })).ArchiveRecords,
            r => r.Name);
        copy.AssertMirrors(await FoundAsync(() => liquidation.GetFinalReportAsync(new GetFinalReportRequest { Name = $"{Mission}/finalReport" })), r => r.Name);
    }

    /// <summary>The feed of the replay's mission in a service, followed from its start.</summary>
    private FeedFollower Follow(string service, ServiceDescriptor contract) =>
        FeedFollower.Start(system.Channel(service).CreateCallInvoker(), contract, Mission);

    /// <summary>The resource a get answers, or none when it is NOT_FOUND.</summary>
    private static async Task<T[]> FoundAsync<T>(Func<AsyncUnaryCall<T>> get)
    {
        try
        {
            return [await get()];
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return [];
        }
    }

    private static Task<Site> CreateSiteAsync(SitesService.SitesServiceClient sites, string id, LocalizedText displayName, SiteKind kind, string locality) =>
        sites.CreateSiteAsync(new CreateSiteRequest
        {
            Parent = Mission,
            SiteId = id,
            RequestId = Id(),
            Site = new Site
            {
                DisplayName = displayName,
                Kind = kind,
                Location = new SiteLocation { RegionPcode = "ML05", DistrictPcode = "ML0506", PcodeVersion = "2019", Locality = locality },
                OpeningDate = Day(2013, 7, 1),
            },
        }).ResponseAsync;

    /// <summary>A soldier of the battalion, at Sévaré since the start of 2023.</summary>
    private static Task<Person> HireAtSevareAsync(PersonnelService.PersonnelServiceClient personnel, string id, string indexNumber, string fullName) =>
        personnel.CreatePersonAsync(new CreatePersonRequest
        {
            Parent = Mission,
            PersonId = id,
            RequestId = Id(),
            Person = new Person
            {
                IndexNumber = indexNumber, FullName = fullName, Component = Component.Military, Category = Category.Contingent,
                CountryCode = "SN", Unit = Battalion, AssignedSite = Sevare, AssignmentDate = Day(2023, 1, 1),
            },
        }).ResponseAsync;

    /// <summary>Sends a manifest as a partner's system does: its header, then its rows.</summary>
    private static async Task<ImportMovementManifestResponse> ImportManifestAsync(PersonnelService.PersonnelServiceClient personnel, ManifestHeader header,
        params ManifestRow[] rows)
    {
        using var call = personnel.ImportMovementManifest();
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Header = header });
        await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Rows = new ManifestRows { Rows = { rows } } });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }
}
