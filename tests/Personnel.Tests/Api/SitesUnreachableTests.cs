using Google.Rpc;
using Grpc.Core;
using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class SitesUnreachableTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task Without_the_Sites_service_a_change_naming_a_site_is_unavailable_and_stores_nothing()
    {
        await using var isolated = new SitesDependentServiceFactory<Program>(App.Postgres, Extensions.DatabaseName, "personnel_without_sites",
            LoopbackPorts.Closed());
        isolated.Start();
        var client = new PersonnelService.PersonnelServiceClient(isolated.Channel);

        var failure = await RpcAssert.Fails(StatusCode.Unavailable, () => client.CreatePersonAsync(CreatePerson("amadou")).ResponseAsync);

        var info = failure.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.Equal("DEPENDENCY_UNAVAILABLE", info?.Reason);
        Assert.Equal("sites", info?.Metadata["service"]);
        Assert.Empty((await client.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma })).Personnel);
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
