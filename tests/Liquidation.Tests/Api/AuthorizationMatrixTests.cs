using MissionOps.Liquidation.V1;
using MissionOps.Testing;

namespace MissionOps.Liquidation.Tests.Api;

public sealed class AuthorizationMatrixTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public Task Every_RPC_answers_each_token_as_the_declared_map_says() =>
        AuthorizationMatrix.CheckAsync(App.Service, LiquidationService.Descriptor, "liquidation", LiquidationPermissions.Map,
            LiquidationPermissions.RegionScoped);
}
