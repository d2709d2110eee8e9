using Google.Rpc;
using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class SitesUnreachableTests(PersonnelApp app) : PersonnelApiTest(app)
{
    /// <summary>Personnel on a database of its own, pointed at a port where no Sites service listens.</summary>
    private SitesDependentServiceFactory<Program> StartWithoutSites(string database)
    {
        var isolated = new SitesDependentServiceFactory<Program>(App.Postgres, Extensions.DatabaseName, database, LoopbackPorts.Closed());
        isolated.Start();
        return isolated;
    }

    [Fact]
    public async Task Without_the_Sites_service_a_change_naming_a_site_is_unavailable_and_stores_nothing()
    {
        await using var isolated = StartWithoutSites("personnel_without_sites");
        var client = new PersonnelService.PersonnelServiceClient(isolated.Channel);

        var failure = await RpcAssert.Fails(StatusCode.Unavailable, () => client.CreatePersonAsync(CreatePerson("amadou")).ResponseAsync);

        var info = failure.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.Equal("DEPENDENCY_UNAVAILABLE", info?.Reason);
        Assert.Equal("sites", info?.Metadata["service"]);
        Assert.Empty((await client.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma })).Personnel);
    }

    [Fact]
    public async Task Without_the_Sites_service_a_change_naming_only_its_mission_is_unavailable_and_stores_nothing()
    {
        await using var isolated = StartWithoutSites("personnel_units_without_sites");
        var client = new PersonnelService.PersonnelServiceClient(isolated.Channel);

        var failure = await RpcAssert.Fails(StatusCode.Unavailable, () => client.CreateUnitAsync(CreateUnit("senbatt")).ResponseAsync);

        Assert.Equal("sites", failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["service"]);
        Assert.Empty((await client.ListUnitsAsync(new ListUnitsRequest { Parent = Minusma })).Units);
    }

    [Fact]
    public async Task Without_the_Sites_service_the_headcount_export_is_unavailable_naming_it()
    {
        await using var isolated = StartWithoutSites("personnel_export_without_sites");
        var client = new PersonnelService.PersonnelServiceClient(isolated.Channel);

        var failure = await RpcAssert.Fails(StatusCode.Unavailable, () => client.ExportHeadcountHxlAsync(
            new ExportHeadcountHxlRequest { Parent = Minusma, AsOfDate = Day(2023, 12, 8) }).ResponseAsync);

        Assert.Equal("sites", failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["service"]);
    }

    [Fact]
    public async Task A_Sites_service_that_never_answers_is_unavailable_after_the_call_timeout_and_nothing_is_stored()
    {
        await using var silent = SilentServer.Start();
        await using var isolated = new SitesDependentServiceFactory<Program>(App.Postgres, Extensions.DatabaseName, "personnel_with_silent_sites",
            silent.Address);
        isolated.WithSetting("ServiceCalls:Timeout", "00:00:01").Start();
        var client = new PersonnelService.PersonnelServiceClient(isolated.Channel);

        // The caller allows 30 s; without a timeout of its own, Personnel would wait all of them and answer DEADLINE_EXCEEDED.
        var failure = await RpcAssert.Fails(StatusCode.Unavailable,
            () => client.CreatePersonAsync(CreatePerson("amadou"), deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        Assert.Equal("sites", failure.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Metadata["service"]);
        Assert.Empty((await client.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma })).Personnel);
    }
}
