using Google.Protobuf.WellKnownTypes;
using MissionOps.Common.V1;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

public sealed class AuditCoverageTests(ProjectsApp app) : ProjectsApiTest(app)
{
    private const string School = "school-sevare";

    public static TheoryData<string> Changes => AuditCoverage.ChangesOf(ProjectsService.Descriptor);

    [Fact]
    public void Every_change_has_a_scenario_and_every_RPC_that_writes_is_a_change() =>
        AuditCoverage.CheckScenarios(ProjectsService.Descriptor, Scenarios.Keys, ProjectsPermissions.Map);

    [Theory]
    [MemberData(nameof(Changes))]
    public Task A_change_writes_one_entry_and_its_events_a_retry_or_a_refusal_none(string rpc) =>
        AuditCoverage.CheckAsync(ProjectsService.Descriptor, rpc, Scenarios[rpc], EntriesAsync, App.Service.Channel.CreateCallInvoker(),
            EventsReflection.Descriptor);

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, PageSize = 1000 })).AuditEntries;

    private Task<Project> SchoolAsync() => Client.CreateProjectAsync(CreateSchool(School)).ResponseAsync;

    private async Task StartedSchoolAsync()
    {
        await SchoolAsync();
        await Client.StartProjectAsync(Start(School, Day(2023, 1, 9)));
    }

    private async Task FinalisedSchoolAsync()
    {
        await StartedSchoolAsync();
        await Client.FinaliseProjectAsync(Finalise(School, Day(2023, 5, 20)));
    }

    private static SuspendProjectRequest Suspend() => new() { Name = ProjectName(School), Reason = Text("Insecurity", "Insécurité"), RequestId = NewId() };

    internal Dictionary<string, Func<Task<Func<Task>>>> Scenarios => new()
    {
        ["UpdateQuickImpactRules"] = AuditCoverage.Unarranged(QuickImpactRules(4_000_000, 4), r => Client.UpdateQuickImpactRulesAsync(r).ResponseAsync),
        ["CreateProject"] = AuditCoverage.Unarranged(CreateSchool(School), r => Client.CreateProjectAsync(r).ResponseAsync),
        ["PublishIatiActivities"] = AuditCoverage.Unarranged(new PublishIatiActivitiesRequest { Parent = Minusma, RequestId = NewId() },
            r => Client.PublishIatiActivitiesAsync(r).ResponseAsync),
        ["UpdateProject"] = async () =>
        {
            var project = await SchoolAsync();
            project.Title = Text("Four classrooms in Sévaré", "Quatre salles de classe à Sévaré");
            var request = new UpdateProjectRequest { Project = project, UpdateMask = new FieldMask { Paths = { "title" } }, RequestId = NewId() };
            return () => Client.UpdateProjectAsync(request).ResponseAsync;
        },
        ["StartProject"] = async () =>
        {
            await SchoolAsync();
            var request = Start(School, Day(2023, 1, 9));
            return () => Client.StartProjectAsync(request).ResponseAsync;
        },
        ["SuspendProject"] = async () =>
        {
            await StartedSchoolAsync();
            var request = Suspend();
            return () => Client.SuspendProjectAsync(request).ResponseAsync;
        },
        ["ResumeProject"] = async () =>
        {
            await StartedSchoolAsync();
            await Client.SuspendProjectAsync(Suspend());
            var request = new ResumeProjectRequest { Name = ProjectName(School), RequestId = NewId() };
            return () => Client.ResumeProjectAsync(request).ResponseAsync;
        },
        ["FinaliseProject"] = async () =>
        {
            await StartedSchoolAsync();
            var request = Finalise(School, Day(2023, 5, 20));
            return () => Client.FinaliseProjectAsync(request).ResponseAsync;
        },
        ["CloseProject"] = async () =>
        {
            await FinalisedSchoolAsync();
            var request = Close(School);
            return () => Client.CloseProjectAsync(request).ResponseAsync;
        },
        ["CancelProject"] = async () =>
        {
            await SchoolAsync();
            var request = Cancel(School);
            return () => Client.CancelProjectAsync(request).ResponseAsync;
        },
        ["RecordTransaction"] = async () =>
        {
            await StartedSchoolAsync();
            var request = Spend(School, 2_500_000);
            return () => Client.RecordTransactionAsync(request).ResponseAsync;
        },
        ["RecordResult"] = async () =>
        {
            await StartedSchoolAsync();
            var request = Result(School);
            return () => Client.RecordResultAsync(request).ResponseAsync;
        },
        ["RecordIndicatorActual"] = async () =>
        {
            await StartedSchoolAsync();
            await Client.RecordResultAsync(Result(School));
            var request = Actual(School, 2);
            return () => Client.RecordIndicatorActualAsync(request).ResponseAsync;
        },
        ["RecordProjectHandover"] = async () =>
        {
            await FinalisedSchoolAsync();
            var request = HandOver(School, Day(2023, 6, 1));
            return () => Client.RecordProjectHandoverAsync(request).ResponseAsync;
        },
    };
}
