using Google.Protobuf.WellKnownTypes;
using MissionOps.Common.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class AuditCoverageTests(SitesApp app) : SitesApiTest(app)
{
    public static TheoryData<string> Changes => AuditCoverage.ChangesOf(SitesService.Descriptor);

    [Fact]
    public void Every_change_has_a_scenario_and_every_RPC_that_writes_is_a_change() =>
        AuditCoverage.CheckScenarios(SitesService.Descriptor, Scenarios.Keys, SitesPermissions.Map);

    [Theory]
    [MemberData(nameof(Changes))]
    public Task A_change_writes_one_entry_and_its_events_a_retry_or_a_refusal_none(string rpc) =>
        AuditCoverage.CheckAsync(SitesService.Descriptor, rpc, Scenarios[rpc], EntriesAsync, App.Service.Channel.CreateCallInvoker(),
            EventsReflection.Descriptor);

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, PageSize = 1000 })).AuditEntries;

    internal Dictionary<string, Func<Task<Func<Task>>>> Scenarios => new()
    {
        ["CreateMission"] = AuditCoverage.Unarranged(CreateMission(), r => Client.CreateMissionAsync(r).ResponseAsync),
        ["UpdateMission"] = async () =>
        {
            var mission = await Client.CreateMissionAsync(CreateMission());
            var request = new UpdateMissionRequest
            {
                Mission = new Mission { Name = mission.Name, MandateEndDate = Day(2023, 6, 30) },
                UpdateMask = new FieldMask { Paths = { "mandate_end_date" } },
                Etag = mission.Etag,
                RequestId = NewId(),
            };
            return () => Client.UpdateMissionAsync(request).ResponseAsync;
        },
        ["CreateRegion"] = async () =>
        {
            await Client.CreateMissionAsync(CreateMission());
            var request = CreateMopti();
            return () => Client.CreateRegionAsync(request).ResponseAsync;
        },
        ["CreateDrawdownPhase"] = async () =>
        {
            await Client.CreateMissionAsync(CreateMission());
            await Client.CreateRegionAsync(CreateMopti());
            var request = CreatePhase2();
            return () => Client.CreateDrawdownPhaseAsync(request).ResponseAsync;
        },
        ["CreateSite"] = async () =>
        {
            await CreateMissionWithMoptiAndPhase2Async();
            var request = CreateSite();
            return () => Client.CreateSiteAsync(request).ResponseAsync;
        },
        ["UpdateSite"] = async () =>
        {
            await CreateMissionWithMoptiAndPhase2Async();
            var site = await Client.CreateSiteAsync(CreateSite());
            site.DisplayName = Text("Camp Sévaré", "Camp de Sévaré");
            var request = new UpdateSiteRequest { Site = site, UpdateMask = new FieldMask { Paths = { "display_name" } }, RequestId = NewId() };
            return () => Client.UpdateSiteAsync(request).ResponseAsync;
        },
        ["PlanSiteClosure"] = async () =>
        {
            await CreateMissionWithMoptiAndPhase2Async();
            await Client.CreateSiteAsync(CreateSite());
            var request = Plan("sevare", Day(2023, 12, 8));
            return () => Client.PlanSiteClosureAsync(request).ResponseAsync;
        },
        ["RecordClosureStep"] = async () =>
        {
            await CreateMissionWithMoptiAndPhase2Async();
            await Client.CreateSiteAsync(CreateSite());
            await Client.PlanSiteClosureAsync(Plan("sevare", Day(2023, 12, 8)));
            var request = Step("sevare", ClosureStepKind.HazardousWasteRemoved, Day(2023, 11, 1));
            return () => Client.RecordClosureStepAsync(request).ResponseAsync;
        },
        ["RecordSiteClosure"] = async () =>
        {
            await CreateMissionWithMoptiAndPhase2Async();
            await OpenSiteWithChecklistDoneAsync("sevare");
            var request = CloseRequest("sevare", Day(2023, 12, 8));
            return () => Client.RecordSiteClosureAsync(request).ResponseAsync;
        },
        ["RecordSiteHandover"] = async () =>
        {
            await CreateMissionWithMoptiAndPhase2Async();
            await OpenAndCloseSiteAsync("sevare");
            var request = HandoverRequest("sevare", Day(2023, 12, 8));
            return () => Client.RecordSiteHandoverAsync(request).ResponseAsync;
        },
        ["RecordSiteLeftWithoutHandover"] = async () =>
        {
            await CreateMissionWithMoptiAndPhase2Async();
            await Client.CreateSiteAsync(CreateSite("tessalit"));
            var request = LeftRequest("tessalit", Day(2023, 10, 21));
            return () => Client.RecordSiteLeftWithoutHandoverAsync(request).ResponseAsync;
        },
    };
}
