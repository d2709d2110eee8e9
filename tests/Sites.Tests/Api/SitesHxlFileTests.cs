using System.Net;
using System.Text.Json;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class SitesHxlFileTests(SitesApp app) : SitesApiTest(app)
{
    private const string File = "/v1/missions/minusma/sites.hxl.csv";

    private static readonly string Viewer = TestTokens.For($"minusma:{MissionRoles.Viewer}");

    private static readonly string MoptiViewer = TestTokens.Scoped("ML05", $"minusma:{MissionRoles.Viewer}");

    private async Task<string> ExportOverGrpcAsync(string token) =>
        (await new SitesService.SitesServiceClient(App.Service.ChannelWith(token)).ExportSitesHxlAsync(new ExportSitesHxlRequest { Parent = Minusma })).Csv;

    private async Task<(string Url, DateTimeOffset Expires)> SignAsync(string token, string query = "")
    {
        using var http = App.Service.HttpClientWith(token);
        using var response = await http.PostAsync($"{File}:sign{query}", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("url").GetString()!, json.RootElement.GetProperty("expire_time").GetDateTimeOffset());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason, string? says = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"reason\": \"{reason}\"", body);
        if (says is not null)
        {
            Assert.Contains(says, body);
        }
    }

    [Fact]
    public async Task A_bearer_of_a_token_fetches_the_export_as_a_CSV_file_and_a_conditional_GET_of_the_same_file_is_304()
    {
        await LoadDemoDataAsync();
        using var http = App.Service.HttpClientWith(Viewer);

        using var response = await http.GetAsync(File);
        var csv = await response.Content.ReadAsStringAsync();
        using var conditional = new HttpRequestMessage(HttpMethod.Get, File);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var unchanged = await http.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(("attachment", "minusma-sites.hxl.csv"), (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName));
        Assert.Equal(await ExportOverGrpcAsync(Viewer), csv);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_token_limited_to_a_region_fetches_that_region_only_and_a_day_names_the_file()
    {
        await LoadDemoDataAsync();
        using var http = App.Service.HttpClientWith(MoptiViewer);

        var scoped = HxlFile.Read(await http.GetStringAsync(File));
        using var onDay = await http.GetAsync($"{File}?as_of=2023-01-15");

        Assert.NotEmpty(scoped.Rows);
        Assert.All(scoped.Rows, r => Assert.Equal("ML05", r["#adm1+code"]));
        Assert.Equal(HxlFile.Read(await ExportOverGrpcAsync(MoptiViewer)).Rows.Count, scoped.Rows.Count);
        Assert.Equal("minusma-sites-2023-01-15.hxl.csv", onDay.Content.Headers.ContentDisposition?.FileName);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED")]
    [InlineData("other:viewer", HttpStatusCode.Forbidden, "PERMISSION_DENIED")]
    public async Task A_caller_without_access_is_refused_with_a_Status_for_the_file_and_for_a_link(string? role, HttpStatusCode status, string reason)
    {
        await LoadDemoDataAsync();
        using var http = App.Service.HttpClientWith(role is null ? null : TestTokens.For(role));

        await AssertRefusedAsync(await http.GetAsync(File), status, reason);
        await AssertRefusedAsync(await http.PostAsync($"{File}:sign", null), status, reason);
    }

    [Fact]
    public async Task A_day_that_is_no_day_is_bad_input_naming_as_of()
    {
        using var http = App.Service.HttpClientWith(Viewer);

        await AssertRefusedAsync(await http.GetAsync($"{File}?as_of=15/01/2023"), HttpStatusCode.BadRequest, "INVALID_REQUEST", "as_of");
    }

    [Fact]
    public async Task A_signed_link_reads_without_a_token_as_its_signer_for_24_hours_by_default()
    {
        await LoadDemoDataAsync();
        var (url, expires) = await SignAsync(MoptiViewer);
        using var anonymous = new HttpClient();

        using var response = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await ExportOverGrpcAsync(MoptiViewer), await response.Content.ReadAsStringAsync());
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        Assert.StartsWith(App.Service.HttpAddress.ToString().TrimEnd('/') + File + "?", url);
    }

    [Fact]
    public async Task An_altered_or_expired_link_is_401_saying_so()
    {
        await LoadDemoDataAsync();
        var (url, _) = await SignAsync(Viewer);
        var (shortLived, _) = await SignAsync(Viewer, "?ttl=1s");
        var signature = url[(url.IndexOf("signature=", StringComparison.Ordinal) + "signature=".Length)..];
        var altered = url.Replace(signature, signature[..^2] + (signature[^2] == 'A' ? "BB" : "AA"), StringComparison.Ordinal);
        using var anonymous = new HttpClient();

        await AssertRefusedAsync(await anonymous.GetAsync(altered), HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED", "altered");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await AssertRefusedAsync(await anonymous.GetAsync(shortLived), HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED", "expired");
    }

    [Theory]
    [InlineData("?ttl=604801s")]
    [InlineData("?ttl=0s")]
    [InlineData("?ttl=1d")]
    public async Task A_link_lives_at_most_7_days(string query)
    {
        using var http = App.Service.HttpClientWith(Viewer);

        await AssertRefusedAsync(await http.PostAsync($"{File}:sign{query}", null), HttpStatusCode.BadRequest, "INVALID_REQUEST", "ttl");
    }

    [Fact]
    public async Task A_link_may_live_7_days()
    {
        await LoadDemoDataAsync();

        var (_, expires) = await SignAsync(Viewer, "?ttl=604800s");

        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.99), TimeSpan.FromDays(7));
    }
}
