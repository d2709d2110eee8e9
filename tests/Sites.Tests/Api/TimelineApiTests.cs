using MissionOps.Sites.V1;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class TimelineApiTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task The_timeline_puts_each_site_under_its_phase_by_closing_day()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenAndCloseSiteAsync("sevare");
        await Client.RecordSiteHandoverAsync(HandoverRequest("sevare", Day(2023, 12, 8)));
        await Client.CreateSiteAsync(CreateSite("douentza", SiteKind.Base, "ML0504"));
        await Client.PlanSiteClosureAsync(Plan("douentza", Day(2023, 11, 28)));
        await Client.CreateSiteAsync(CreateSite("bamako-hq", SiteKind.Headquarters, "ML0501"));

        var timeline = await Client.GetDrawdownTimelineAsync(new GetDrawdownTimelineRequest { Mission = Minusma });

        var phase = Assert.Single(timeline.Phases);
        Assert.Equal(2, phase.Ordinal);
        Assert.Equal(new[] { "missions/minusma/sites/douentza", "missions/minusma/sites/sevare" }, phase.Sites.Select(s => s.Site));
        var sevare = phase.Sites[1];
        Assert.Equal(Day(2023, 12, 8), sevare.ClosingDate);
        Assert.Equal(Day(2023, 12, 8), sevare.HandoverDate);
        Assert.Equal(SiteState.HandedOver, sevare.State);
        Assert.Null(phase.Sites[0].ClosingDate);
        Assert.Equal("missions/minusma/sites/bamako-hq", Assert.Single(timeline.UnphasedSites).Site);
    }
}
