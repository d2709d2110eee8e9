using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

/// <summary>The same service over HTTP/1.1 and JSON, as curl or a spreadsheet calls it (AIP-127 bindings).</summary>
public sealed class HttpJsonTests(SitesApp app) : SitesApiTest(app)
{
    private const string SevarePath = "/v1/missions/minusma/sites/sevare";

    private readonly HttpClient _http = app.Service.HttpClientWith(TestTokens.Administrator);

    [Fact]
    public async Task A_site_read_over_HTTP_is_the_site_gRPC_answers()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));

        var overHttp = await _http.GetMessageAsync<V1.Site>(SevarePath);

        Assert.Equal(SiteState.Operational, overHttp.State);
        Assert.Equal(await Client.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" }), overHttp);
    }

    [Fact]
    public async Task A_custom_method_over_HTTP_changes_the_site_and_the_export_reads_it()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("sevare"));
        var plan = Plan("sevare", Day(2023, 11, 30));

        using var planned = await _http.PostAsync($"{SevarePath}:planClosure", Json(plan));
        var export = await _http.GetMessageAsync<ExportSitesHxlResponse>("/v1/missions/minusma/sites:exportHxl");

        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Equal(SiteState.ClosurePlanned, JsonParser.Default.Parse<V1.Site>(await planned.Content.ReadAsStringAsync()).State);
        Assert.Equal(1, export.SiteCount);
        Assert.Contains(",sevare,", export.Csv, StringComparison.Ordinal);
        Assert.Contains(",closure_planned,", export.Csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_sent_twice_over_HTTP_with_one_request_id_answers_the_same_and_stores_once()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var create = CreateSite("sevare");
        var uri = $"/v1/missions/minusma/sites?site_id=sevare&request_id={create.RequestId}";

        using var first = await _http.PostAsync(uri, Json(create.Site));
        using var second = await _http.PostAsync(uri, Json(create.Site));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var created = JsonParser.Default.Parse<V1.Site>(await first.Content.ReadAsStringAsync());
        Assert.Equal("missions/minusma/sites/sevare", created.Name);
        Assert.Equal(created, JsonParser.Default.Parse<V1.Site>(await second.Content.ReadAsStringAsync()));
        Assert.Single((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
    }

    [Fact]
    public async Task A_refusal_over_HTTP_is_a_status_naming_the_bad_field_in_readable_details()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var create = CreateSite("sevare");
        create.Site.DisplayName.En = string.Empty;

        using var response = await _http.PostAsync($"/v1/missions/minusma/sites?site_id=sevare&request_id={create.RequestId}", Json(create.Site));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)Grpc.Core.StatusCode.InvalidArgument, status.RootElement.GetProperty("code").GetInt32());
        var badRequest = status.RootElement.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        Assert.Contains(badRequest.GetProperty("fieldViolations").EnumerateArray(), v => v.GetProperty("field").GetString() == "site.display_name.en");
        Assert.Empty((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
    }

    [Fact]
    public async Task A_call_over_HTTP_without_a_token_is_401_and_stores_nothing()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        var create = CreateSite("sevare");
        using var anonymous = App.Service.HttpClientWith(null);

        using var response = await anonymous.PostAsync($"/v1/missions/minusma/sites?site_id=sevare&request_id={create.RequestId}", Json(create.Site));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty((await Client.ListSitesAsync(new ListSitesRequest { Parent = Minusma })).Sites);
    }

    private static StringContent Json(IMessage message) => new(JsonFormatter.Default.Format(message), Encoding.UTF8, "application/json");
}
