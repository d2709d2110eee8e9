using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>A host authority's viewer limited to the Mopti region (ML05) sees Mopti's sites and nothing of Timbuktu's.</summary>
public sealed class RegionScopeTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task Every_region_scoped_read_names_only_what_lies_in_the_region()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await OpenAndCloseSiteAsync("sevare");
        await Client.CreateSiteAsync(CreateSite("douentza", district: "ML0504"));

        await RegionScopeCheck.CheckAsync(App.Service, SitesService.Descriptor, SitesPermissions.RegionScoped, AuthorizationMatrix.Region);
    }

    [Fact]
    public async Task A_viewer_of_Mopti_lists_Mopti_and_finds_no_site_elsewhere()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        await Client.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = Minusma,
            RequestId = NewId(),
            Region = new Region
            {
                Pcode = "ML06",
                PcodeVersion = "2019",
                DisplayName = Text("Timbuktu", "Tombouctou"),
                Districts = { new District { Pcode = "ML0605", DisplayName = Text("Timbuktu", "Tombouctou") } },
            },
        });
        var timbuktu = CreateSite("timbuktu");
        timbuktu.Site.Location = new SiteLocation { RegionPcode = "ML06", DistrictPcode = "ML0605", PcodeVersion = "2019" };
        await Client.CreateSiteAsync(timbuktu);
        using var channel = App.Service.ChannelWith(TestTokens.Scoped("ML05", "minusma:viewer"));
        var mopti = new SitesService.SitesServiceClient(channel);

        var sites = await mopti.ListSitesAsync(new ListSitesRequest { Parent = Minusma });
        var regions = await mopti.ListRegionsAsync(new ListRegionsRequest { Parent = Minusma });
        var export = await mopti.ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = Minusma });
        var timeline = await mopti.GetDrawdownTimelineAsync(new GetDrawdownTimelineRequest { Mission = Minusma });
        var refusal = await Assert.ThrowsAsync<RpcException>(() => mopti.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/timbuktu" }).ResponseAsync);
        var absent = await Assert.ThrowsAsync<RpcException>(() => mopti.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/kidal" }).ResponseAsync);
        var change = await Assert.ThrowsAsync<RpcException>(() => mopti.CreateSiteAsync(CreateSite("sevare-2")).ResponseAsync);

        Assert.Equal([$"{Minusma}/sites/sevare"], sites.Sites.Select(s => s.Name));
        Assert.Equal(["ML05"], regions.Regions.Select(r => r.Pcode));
        Assert.Equal(1, export.SiteCount);
        Assert.DoesNotContain("timbuktu", export.Csv, StringComparison.Ordinal);
        Assert.DoesNotContain("timbuktu", timeline.ToString(), StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, refusal.StatusCode);
        Assert.Equal(absent.Status.Detail.Replace("kidal", "timbuktu", StringComparison.Ordinal), refusal.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, change.StatusCode);
        Assert.Equal($"{Minusma}/sites/sevare", (await mopti.GetSiteAsync(new GetSiteRequest { Name = $"{Minusma}/sites/sevare" })).Name);
        Assert.Equal(2, (await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites.Count);
    }
}
