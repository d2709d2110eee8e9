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
}
