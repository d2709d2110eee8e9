using Aspire.Hosting.ApplicationModel;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Liquidation.V1;
using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;
using static MissionOps.AppHost.Tests.Values;

namespace MissionOps.AppHost.Tests;

/// <summary>The dashboard's "Load demo data again" on the PostgreSQL server: the demo as on a first start, what was recorded since forgotten.</summary>
[Collection(SystemCollection.Name)]
public sealed class DemoResetEndToEndTests(MissionOpsSystem system)
{
    [Fact]
    public async Task Load_demo_data_again_brings_the_demo_back_and_forgets_what_was_recorded_since()
    {
        var sites = new SitesService.SitesServiceClient(system.Channel("sites"));
        await sites.CreateMissionAsync(new CreateMissionRequest
        {
            MissionId = "scratch",
            RequestId = Id(),
            Mission = new Mission { DisplayName = Text("A mission tried out", "Une mission pour essayer"), HostCountryCode = "ML", MandateStartDate = Day(2020, 1, 1) },
        });
        var headcountBefore = await new PersonnelService.PersonnelServiceClient(system.Channel("personnel"))
            .GetHeadcountAsync(new GetHeadcountRequest { Parent = "missions/minusma", AsOfDate = Day(2023, 3, 31) });
        var server = system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "postgres");

        var result = await system.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(server, "load-demo-data-again");

        Assert.True(result.Success, result.Message);
        var gone = await Assert.ThrowsAsync<RpcException>(() => sites.GetMissionAsync(new GetMissionRequest { Name = "missions/scratch" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        var sevare = await sites.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" });
        Assert.Equal(SiteState.HandedOver, sevare.State);
        var headcount = await new PersonnelService.PersonnelServiceClient(system.Channel("personnel"))
            .GetHeadcountAsync(new GetHeadcountRequest { Parent = "missions/minusma", AsOfDate = Day(2023, 3, 31) });
        Assert.Equal(headcountBefore.Total, headcount.Total);
        var assets = await new LiquidationService.LiquidationServiceClient(system.Channel("liquidation"))
            .ListAssetsAsync(new ListAssetsRequest { Parent = "missions/minusma" });
        Assert.NotEmpty(assets.Assets);
        using var shown = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var database in new[] { "sitesdb", "personneldb", "projectsdb", "liquidationdb" })
        {
            await system.App.ResourceNotifications.WaitForResourceAsync(database, e => e.Snapshot.State?.Text == KnownResourceStates.Running, shown.Token);
        }
    }
}
