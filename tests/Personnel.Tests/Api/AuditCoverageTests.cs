using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class AuditCoverageTests(PersonnelApp app) : PersonnelApiTest(app)
{
    public static TheoryData<string> Changes => AuditCoverage.ChangesOf(PersonnelService.Descriptor);

    [Fact]
    public void Every_change_has_a_scenario_and_every_RPC_that_writes_is_a_change() =>
        AuditCoverage.CheckScenarios(PersonnelService.Descriptor, Scenarios.Keys, PersonnelPermissions.Map);

    [Theory]
    [MemberData(nameof(Changes))]
    public Task A_change_writes_one_entry_a_retry_or_a_refusal_none(string rpc) =>
        AuditCoverage.CheckAsync(PersonnelService.Descriptor, rpc, Scenarios[rpc], EntriesAsync, App.Service.Channel.CreateCallInvoker(),
            EventsReflection.Descriptor);

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = Minusma, PageSize = 1000 })).AuditEntries;

    /// <summary>Amadou hired at Sévaré and his convoy to headquarters planned.</summary>
    private async Task ConvoyAsync()
    {
        await HireAsync("amadou");
        await Client.CreateMovementAsync(MovePerson("convoy-1", "amadou", Sevare, Headquarters, Day(2023, 11, 30)));
    }

    private async Task ConvoyOnTheRoadAsync()
    {
        await ConvoyAsync();
        await Client.StartMovementAsync(Start("convoy-1", Day(2023, 11, 28)));
    }

    private async Task<ResidualRosterEntry> RetainedAsync(string personId)
    {
        await HireAsync(personId);
        return await Client.CreateResidualRosterEntryAsync(Retain(personId));
    }

    internal Dictionary<string, Func<Task<Func<Task>>>> Scenarios => new()
    {
        ["CreatePerson"] = AuditCoverage.Unarranged(CreatePerson("amadou"), r => Client.CreatePersonAsync(r).ResponseAsync),
        ["UpdatePerson"] = async () =>
        {
            var person = await HireAsync("amadou");
            person.FullName = "Aïssata Traore";
            var request = UpdatePerson(person, "full_name");
            return () => Client.UpdatePersonAsync(request).ResponseAsync;
        },
        ["CreateUnit"] = AuditCoverage.Unarranged(CreateUnit("senbatt"), r => Client.CreateUnitAsync(r).ResponseAsync),
        ["UpdateUnit"] = async () =>
        {
            var unit = await Client.CreateUnitAsync(CreateUnit("senbatt"));
            unit.Kind = UnitKind.Engineering;
            var request = UpdateUnit(unit, "kind");
            return () => Client.UpdateUnitAsync(request).ResponseAsync;
        },
        ["CreateMovement"] = async () =>
        {
            await HireAsync("amadou");
            var request = MovePerson("convoy-1", "amadou", Sevare, Headquarters, Day(2023, 11, 30));
            return () => Client.CreateMovementAsync(request).ResponseAsync;
        },
        ["StartMovement"] = async () =>
        {
            await ConvoyAsync();
            var request = Start("convoy-1", Day(2023, 11, 28));
            return () => Client.StartMovementAsync(request).ResponseAsync;
        },
        ["HoldMovement"] = async () =>
        {
            await ConvoyOnTheRoadAsync();
            var request = Hold("convoy-1");
            return () => Client.HoldMovementAsync(request).ResponseAsync;
        },
        ["ResumeMovement"] = async () =>
        {
            await ConvoyOnTheRoadAsync();
            await Client.HoldMovementAsync(Hold("convoy-1"));
            var request = new ResumeMovementRequest { Name = MovementName("convoy-1"), RequestId = NewId() };
            return () => Client.ResumeMovementAsync(request).ResponseAsync;
        },
        ["CompleteMovement"] = async () =>
        {
            await ConvoyOnTheRoadAsync();
            var request = Complete("convoy-1", Day(2023, 12, 1));
            return () => Client.CompleteMovementAsync(request).ResponseAsync;
        },
        ["CancelMovement"] = async () =>
        {
            await ConvoyAsync();
            var request = new CancelMovementRequest { Name = MovementName("convoy-1"), Reason = Text("Route closed", "Route fermée"), RequestId = NewId() };
            return () => Client.CancelMovementAsync(request).ResponseAsync;
        },
        ["ImportMovementManifest"] = async () =>
        {
            await HireAsync("amadou");
            var header = new ImportMovementManifestRequest { Header = new ManifestHeader { Parent = Minusma, ManifestId = "m-1", RequestId = NewId() } };
            var row = new ManifestRow { IndexNumber = "MNS-amadou", Kind = MovementKind.Repatriation, Mode = MovementMode.Flight, OriginSite = Sevare, PlannedDate = Day(2023, 12, 20) };
            return async () =>
            {
                using var call = Client.ImportMovementManifest();
                await call.RequestStream.WriteAsync(header);
                await call.RequestStream.WriteAsync(new ImportMovementManifestRequest { Rows = new ManifestRows { Rows = { row } } });
                await call.RequestStream.CompleteAsync();
                await call.ResponseAsync;
            };
        },
        ["CreateDrawdownTarget"] = AuditCoverage.Unarranged(Target(Component.Military), r => Client.CreateDrawdownTargetAsync(r).ResponseAsync),
        ["UpdateDrawdownTarget"] = async () =>
        {
            var target = await Client.CreateDrawdownTargetAsync(Target(Component.Military));
            target.MaxHeadcount = 10;
            var request = UpdateTarget(target, "max_headcount");
            request.Etag = target.Etag;
            return () => Client.UpdateDrawdownTargetAsync(request).ResponseAsync;
        },
        ["DeleteDrawdownTarget"] = async () =>
        {
            var target = await Client.CreateDrawdownTargetAsync(Target(Component.Military));
            var request = new DeleteDrawdownTargetRequest { Name = target.Name, Etag = target.Etag, RequestId = NewId() };
            return () => Client.DeleteDrawdownTargetAsync(request).ResponseAsync;
        },
        ["UndeleteDrawdownTarget"] = async () =>
        {
            var target = await Client.CreateDrawdownTargetAsync(Target(Component.Military));
            var deleted = await Client.DeleteDrawdownTargetAsync(new DeleteDrawdownTargetRequest { Name = target.Name, RequestId = NewId() });
            var request = new UndeleteDrawdownTargetRequest { Name = target.Name, Etag = deleted.Etag, RequestId = NewId() };
            return () => Client.UndeleteDrawdownTargetAsync(request).ResponseAsync;
        },
        ["CreateResidualRosterEntry"] = async () =>
        {
            await HireAsync("guard");
            var request = Retain("guard");
            return () => Client.CreateResidualRosterEntryAsync(request).ResponseAsync;
        },
        ["UpdateResidualRosterEntry"] = async () =>
        {
            var entry = await RetainedAsync("guard");
            entry.EndDate = Day(2024, 1, 31);
            var request = UpdateRosterEntry(entry, "end_date");
            request.Etag = entry.Etag;
            return () => Client.UpdateResidualRosterEntryAsync(request).ResponseAsync;
        },
        ["DeleteResidualRosterEntry"] = async () =>
        {
            var entry = await RetainedAsync("guard");
            var request = new DeleteResidualRosterEntryRequest { Name = entry.Name, Etag = entry.Etag, RequestId = NewId() };
            return () => Client.DeleteResidualRosterEntryAsync(request).ResponseAsync;
        },
        ["UndeleteResidualRosterEntry"] = async () =>
        {
            var entry = await RetainedAsync("guard");
            var deleted = await Client.DeleteResidualRosterEntryAsync(new DeleteResidualRosterEntryRequest { Name = entry.Name, RequestId = NewId() });
            var request = new UndeleteResidualRosterEntryRequest { Name = entry.Name, Etag = deleted.Etag, RequestId = NewId() };
            return () => Client.UndeleteResidualRosterEntryAsync(request).ResponseAsync;
        },
    };
}
