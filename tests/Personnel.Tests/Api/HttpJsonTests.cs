using MissionOps.Personnel.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>Personnel over plain HTTP/1.1 and JSON, through its AIP-127 bindings.</summary>
public sealed class HttpJsonTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task The_personnel_listed_over_HTTP_are_those_gRPC_lists()
    {
        await HireAsync("amadou");
        using var http = App.Service.HttpClientWith(TestTokens.Administrator);

        var overHttp = await http.GetMessageAsync<ListPersonnelResponse>($"/v1/{Minusma}/personnel");

        Assert.Equal($"{Minusma}/personnel/amadou", Assert.Single(overHttp.Personnel).Name);
        Assert.Equal(await Client.ListPersonnelAsync(new ListPersonnelRequest { Parent = Minusma }), overHttp);
    }
}
