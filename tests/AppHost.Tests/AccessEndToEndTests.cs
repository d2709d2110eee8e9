using Grpc.Core;
using Grpc.Health.V1;
using MissionOps.Sites.V1;

namespace MissionOps.AppHost.Tests;

[Collection(SystemCollection.Name)]
public sealed class AccessEndToEndTests(MissionOpsSystem system)
{
    [Fact]
    public async Task Without_a_token_only_health_answers()
    {
        using var anonymous = system.ChannelWith("sites", token: null);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new SitesService.SitesServiceClient(anonymous).GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" }).ResponseAsync);
        var health = await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest());

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task A_partner_viewer_reads_but_cannot_change()
    {
        var viewer = system.Issuer.Issue("partner", ["missionops.sites"], ["minusma:viewer"], TimeSpan.FromMinutes(5), partner: "donor-dashboard");
        using var channel = system.ChannelWith("sites", viewer);
        var sites = new SitesService.SitesServiceClient(channel);

        var sevare = await sites.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" });
        var refused = await Assert.ThrowsAsync<RpcException>(() => sites.PlanSiteClosureAsync(new PlanSiteClosureRequest
        {
            Name = "missions/minusma/sites/bamako-hq",
            DrawdownPhase = "missions/minusma/drawdownPhases/phase-2",
            PlannedClosureDate = new Google.Type.Date { Year = 2023, Month = 12, Day = 20 },
            RequestId = Guid.NewGuid().ToString(),
        }).ResponseAsync);

        Assert.Equal(SiteState.HandedOver, sevare.State);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
