using MissionOps.Liquidation.V1;
using MissionOps.Testing;
using static MissionOps.Liquidation.Tests.Api.Requests;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>Liquidation over plain HTTP/1.1 and JSON, through its AIP-127 bindings.</summary>
public sealed class HttpJsonTests(LiquidationApp app) : LiquidationApiTest(app)
{
    [Fact]
    public async Task The_liabilities_listed_over_HTTP_are_those_gRPC_lists()
    {
        await Client.CreateLiabilityAsync(CreateLiability());
        using var http = App.Service.HttpClientWith(TestTokens.Administrator);

        var overHttp = await http.GetMessageAsync<ListLiabilitiesResponse>($"/v1/{Minusma}/liabilities");

        Assert.Equal($"{Minusma}/liabilities/sevare-land", Assert.Single(overHttp.Liabilities).Name);
        Assert.Equal(await Client.ListLiabilitiesAsync(new ListLiabilitiesRequest { Parent = Minusma }), overHttp);
    }

    [Fact]
    public async Task The_feed_over_HTTP_streams_and_resumes_as_gRPC_serves_it()
    {
        await Client.CreateLiabilityAsync(CreateLiability());
        await Client.CreateLiabilityAsync(CreateLiability("gao-lease"));
        await Client.CreateArchiveRecordAsync(CreateArchiveRecord());
        // Read as the same viewer: what a role may not see is left out of both alike.
        var viewer = TestTokens.For("minusma:viewer");
        var feed = await FeedReader.ReadAsync(App.Service.ChannelWith(viewer).CreateCallInvoker(), LiquidationService.Descriptor, Minusma);
        using var http = App.Service.HttpClientWith(viewer);

        await FeedOverHttp.CheckAsync(http, "minusma", feed);
    }
}
