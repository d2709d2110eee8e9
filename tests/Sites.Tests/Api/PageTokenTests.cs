using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>A page token is sealed for the list call it was issued in: altered, or sent with another parent, filter or method, it is refused.</summary>
public sealed class PageTokenTests(SitesApp app) : SitesApiTest(app)
{
    private async Task<string> FirstPageTokenAsync()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateMissionAsync(CreateMission("monusco"));
        await Client.CreateSiteAsync(CreateSite("bandiagara"));
        await Client.CreateSiteAsync(CreateSite("sevare"));
        var first = await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma, PageSize = 1 });
        Assert.NotEmpty(first.NextPageToken);
        return first.NextPageToken;
    }

    [Fact]
    public async Task A_token_serves_the_next_page_of_its_own_list_even_from_another_replica()
    {
        var token = await FirstPageTokenAsync();
        await using var replica = new GrpcServiceFactory<Program>(App.Postgres, Extensions.DatabaseName, "sites_tests");
        replica.Start();

        var second = await new SitesService.SitesServiceClient(replica.Channel)
            .ListSitesAsync(new ListSitesRequest { Parent = Minusma, PageSize = 5, PageToken = token });

        Assert.Equal($"{Minusma}/sites/sevare", Assert.Single(second.Sites).Name);
    }

    [Fact]
    public async Task An_altered_token_is_refused_naming_page_token()
    {
        var token = await FirstPageTokenAsync();
        var middle = token.Length / 2;
        var altered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        await RpcAssert.InvalidArgument(() => Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma, PageToken = altered }).ResponseAsync, "page_token");
        await RpcAssert.InvalidArgument(() => Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma, PageToken = token + "x" }).ResponseAsync, "page_token");
    }

    [Fact]
    public async Task A_token_sent_with_another_parent_filter_or_list_is_refused_naming_page_token()
    {
        var token = await FirstPageTokenAsync();

        await RpcAssert.InvalidArgument(() => Client.ListSitesAsync(new ListSitesRequest { Parent = "missions/monusco", PageToken = token }).ResponseAsync, "page_token");
        await RpcAssert.InvalidArgument(() => Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma, RegionPcode = "ML05", PageToken = token }).ResponseAsync, "page_token");
        await RpcAssert.InvalidArgument(() => Client.ListRegionsAsync(new ListRegionsRequest { Parent = Minusma, PageToken = token }).ResponseAsync, "page_token");
    }
}
