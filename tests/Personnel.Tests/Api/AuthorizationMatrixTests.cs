using MissionOps.Personnel.V1;
using MissionOps.Testing;

namespace MissionOps.Personnel.Tests.Api;

public sealed class AuthorizationMatrixTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public Task Every_RPC_answers_each_token_as_the_declared_map_says() =>
        AuthorizationMatrix.CheckAsync(App.Service, PersonnelService.Descriptor, "personnel", PersonnelPermissions.Map,
            PersonnelPermissions.RegionScoped);
}
