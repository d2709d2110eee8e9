using System.Net;
using System.Text.Json;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

public sealed class HeadcountHxlFileTests(PersonnelApp app) : PersonnelApiTest(app)
{
    private const string File = "/v1/missions/minusma/headcount.hxl.csv";

    private static readonly string Viewer = TestTokens.For($"minusma:{MissionRoles.Viewer}");

    [Fact]
    public async Task The_headcount_of_a_day_is_a_CSV_file_by_token_or_by_signed_link_with_a_conditional_GET()
    {
        await LoadDemoDataAsync();
        var export = await new PersonnelService.PersonnelServiceClient(App.Service.ChannelWith(Viewer))
            .ExportHeadcountHxlAsync(new ExportHeadcountHxlRequest { Parent = Minusma, AsOfDate = Day(2023, 7, 1) });
        using var http = App.Service.HttpClientWith(Viewer);

        using var response = await http.GetAsync($"{File}?as_of=2023-07-01");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"{File}?as_of=2023-07-01");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var unchanged = await http.SendAsync(conditional);
        using var sign = await http.PostAsync($"{File}:sign?as_of=2023-07-01&ttl=3600s", null);
        using var link = JsonDocument.Parse(await sign.Content.ReadAsStringAsync());
        using var anonymous = new HttpClient();
        var byLink = await anonymous.GetStringAsync(link.RootElement.GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("minusma-headcount-2023-07-01.hxl.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(export.Csv, await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(export.Csv, byLink);
    }

    [Fact]
    public async Task Without_a_day_the_file_is_bad_input_naming_the_day()
    {
        using var http = App.Service.HttpClientWith(Viewer);

        using var response = await http.GetAsync(File);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("as_of_date", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_feed_as_Server_Sent_Events_needs_what_WatchEvents_needs_a_role_that_reads_personal_data()
    {
        await HireAsync("soldier", Headquarters);
        using var viewer = App.Service.HttpClientWith(Viewer);
        using var reader = App.Service.HttpClientWith(TestTokens.For($"minusma:{MissionRoles.Personnel}"));

        using var refused = await viewer.GetAsync("/v1/missions/minusma/events:stream");
        var events = await ServerSentEvents.ReadAsync(reader, "/v1/missions/minusma/events:stream", count: 1);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("PERMISSION_DENIED", await refused.Content.ReadAsStringAsync());
        Assert.Equal(PersonCreated.Descriptor.FullName, Assert.Single(events).Type);
    }
}
