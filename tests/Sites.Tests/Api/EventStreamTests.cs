using System.Net;
using Google.Protobuf;
using MissionOps.Common.V1;
using MissionOps.ServiceDefaults.Contracts;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Sites.Tests.Api.Requests;

namespace MissionOps.Sites.Tests.Api;

public sealed class EventStreamTests(SitesApp app) : SitesApiTest(app)
{
    private const string Stream = "/v1/missions/minusma/events:stream";

    /// <summary>The feed as gRPC serves it, up to the creation of <paramref name="lastSite"/>: what the stream must match.</summary>
    private async Task<List<ChangeEvent>> FeedUpToAsync(string lastSite)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using var call = Client.WatchEvents(new WatchEventsRequest { Parent = Minusma }, cancellationToken: timeout.Token);
        var events = new List<ChangeEvent>();
        while (await call.ResponseStream.MoveNext(timeout.Token))
        {
            events.Add(call.ResponseStream.Current);
            if (events[^1].Resource == $"{Minusma}/sites/{lastSite}")
            {
                return events;
            }
        }

        return events;
    }

    [Fact]
    public async Task A_plain_HTTP_follower_that_disconnects_resumes_after_Last_Event_ID_with_no_gap_and_no_duplicate()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        foreach (var id in new[] { "s1", "s2", "s3" })
        {
            await Client.CreateSiteAsync(CreateSite(id));
        }

        using var http = App.Service.HttpClientWith(TestTokens.For($"minusma:{MissionRoles.Viewer}"));
        var before = await ServerSentEvents.ReadAsync(http, Stream, count: 3);
        await Client.CreateSiteAsync(CreateSite("s4"));
        await Client.CreateSiteAsync(CreateSite("s5"));
        var feed = await FeedUpToAsync("s5");
        var after = await ServerSentEvents.ReadAsync(http, Stream, count: feed.Count - 3, lastEventId: before[^1].Id);

        var all = before.Concat(after).ToList();
        Assert.Equal(feed.Select(e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)), all.Select(e => e.Id));
        Assert.Equal(feed.Select(e => e.Type), all.Select(e => e.Type));
        var parser = new JsonParser(JsonParser.Settings.Default.WithTypeRegistry(ContractTypes.Registry));
        var last = parser.Parse<ChangeEvent>(all[^1].Data);
        Assert.Equal($"{Minusma}/sites/s5", last.Resource);
        Assert.Equal("s5", last.Payload.Unpack<SiteCreated>().Site.Name.Split('/')[^1]);
        Assert.Contains("\"@type\": \"type.googleapis.com/missionops.sites.v1.SiteCreated\"", all[^1].Data);
    }

    [Fact]
    public async Task The_stream_resumes_after_the_query_cursor_too()
    {
        await CreateMissionWithMoptiAndPhase2Async();
        await Client.CreateSiteAsync(CreateSite("s1"));
        var feed = await FeedUpToAsync("s1");

        using var http = App.Service.HttpClientWith(TestTokens.Administrator);
        var rest = await ServerSentEvents.ReadAsync(http, $"{Stream}?after={feed[^2].Sequence}", count: 1);

        Assert.Equal(feed[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(rest).Id);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "AUTHENTICATION_REQUIRED")]
    [InlineData("other:viewer", HttpStatusCode.Forbidden, "PERMISSION_DENIED")]
    public async Task A_follower_without_access_is_refused_with_a_Status_naming_why(string? role, HttpStatusCode status, string reason)
    {
        using var http = App.Service.HttpClientWith(role is null ? null : TestTokens.For(role));

        using var response = await http.GetAsync(Stream);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"reason\": \"{reason}\"", body);
        Assert.Contains("\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\"", body);
    }

    [Fact]
    public async Task A_Last_Event_ID_that_is_no_sequence_is_bad_input()
    {
        using var http = App.Service.HttpClientWith(TestTokens.Administrator);
        using var request = new HttpRequestMessage(HttpMethod.Get, Stream);
        request.Headers.Add("Last-Event-ID", "yesterday");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("INVALID_REQUEST", await response.Content.ReadAsStringAsync());
    }
}
