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
}
