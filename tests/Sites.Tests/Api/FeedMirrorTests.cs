using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>A partner that follows the Sites feed from the start holds the same missions, regions, phases and sites as the service.</summary>
public sealed class FeedMirrorTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task A_copy_built_from_the_feed_alone_equals_what_the_service_answers()
    {
        await LoadDemoDataAsync();
        var site = await Client.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/gao" });
        site.DisplayName.En = "Gao super camp";
        await Client.UpdateSiteAsync(new UpdateSiteRequest
        {
            Site = site, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "display_name.en" } }, RequestId = Guid.NewGuid().ToString(),
        });

        var feed = await FeedReader.ReadAsync(App.Service.Channel.CreateCallInvoker(), SitesService.Descriptor, "missions/-");
        var mirror = new FeedMirror(feed, EventsReflection.Descriptor);

        var missions = (await Client.ListMissionsAsync(new ListMissionsRequest { PageSize = 1000 })).Missions;
        Assert.NotEmpty(missions);
        mirror.AssertMirrors(missions, m => m.Name);
        var regions = new List<Region>();
        var phases = new List<DrawdownPhase>();
        var sites = new List<Site>();
        foreach (var mission in missions)
        {
            regions.AddRange((await Client.ListRegionsAsync(new ListRegionsRequest { Parent = mission.Name, PageSize = 1000 })).Regions);
            phases.AddRange((await Client.ListDrawdownPhasesAsync(new ListDrawdownPhasesRequest { Parent = mission.Name, PageSize = 1000 })).DrawdownPhases);
            sites.AddRange((await Client.ListSitesAsync(new ListSitesRequest { Parent = mission.Name, PageSize = 1000 })).Sites);
        }

        mirror.AssertMirrors(regions, r => r.Name);
        mirror.AssertMirrors(phases, p => p.Name);
        mirror.AssertMirrors(sites, s => s.Name);
        Assert.Equal("Gao super camp", ((Site)mirror.Of(Site.Descriptor)[site.Name]).DisplayName.En);
    }
}
