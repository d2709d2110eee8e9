using MissionOps.Sites.V1;
using MissionOps.Testing;

namespace MissionOps.Sites.Tests.Api;

public sealed class AuthorizationMatrixTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public Task Every_RPC_answers_each_token_as_the_declared_map_says() =>
        AuthorizationMatrix.CheckAsync(App.Service, SitesService.Descriptor, "sites", SitesPermissions.Map,
            SitesPermissions.RegionScoped);

    [Fact]
    public async Task A_token_for_another_mission_lists_only_that_mission()
    {
        await Client.CreateMissionAsync(Requests.CreateMission());
        await Client.CreateMissionAsync(Requests.CreateMission("unmiss"));
        using var channel = App.Service.ChannelWith(TestTokens.For("unmiss:viewer"));

        var missions = await new SitesService.SitesServiceClient(channel).ListMissionsAsync(new ListMissionsRequest());

        Assert.Equal("missions/unmiss", Assert.Single(missions.Missions).Name);
    }
}
