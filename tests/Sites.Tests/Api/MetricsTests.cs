using MissionOps.Sites.Telemetry;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>What the dashboard's Sites gauge says: each mission's sites by state and by the drawdown phase that closes them.</summary>
public sealed class MetricsTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task The_gauge_counts_each_mission_s_sites_by_state_and_drawdown_phase()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        await Client.CreateSiteAsync(CreateSite("mopti"));
        await Client.OpenAndCloseSiteAsync("douentza");

        var gauges = await Gauges.ReadAsync(App.Service.Services, SitesMetrics.MeterName);

        Assert.Equal([("minusma", "Closed", "phase-2", 1d), ("minusma", "Operational", SitesMetrics.NoPhase, 2d)],
            gauges.Where(g => g.Instrument == "missionops.sites.count").Select(g => (g.Tag("mission"), g.Tag("state"), g.Tag("drawdown_phase"), g.Value)).Order());
    }
}
