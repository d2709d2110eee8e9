using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Grpc.Core;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

/// <summary>The mission's IATI file published by an approver and read by anyone, as the IATI Registry fetches it: no token, plain HTTP/1.1.</summary>
public sealed class IatiPublicationTests(ProjectsApp app) : ProjectsApiTest(app)
{
    private const string Latest = "/iati/minusma/activities.xml";

    private Task<IatiPublication> PublishAsync(string? requestId = null) =>
        Client.PublishIatiActivitiesAsync(new PublishIatiActivitiesRequest { Parent = Minusma, RequestId = requestId ?? NewId() }).ResponseAsync;

    [Fact]
    public async Task A_published_file_is_read_without_a_token_and_validates_against_the_IATI_schema()
    {
        await LoadDemoDataAsync();
        var demo = Assert.Single((await Client.ListIatiPublicationsAsync(new ListIatiPublicationsRequest { Parent = Minusma })).IatiPublications);
        var publication = await PublishAsync();
        using var anyone = App.Service.HttpClientWith(token: null);

        using var response = await anyone.GetAsync(Latest);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"\"{publication.Sha256}\"", response.Headers.ETag?.Tag);
        var xml = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(publication.SizeBytes, xml.LongLength);
        var errors = IatiSchema.Errors(xml);
        Assert.True(errors.Count == 0, "The published file does not validate against IATI 2.03:\n" + string.Join("\n", errors));
        var root = XDocument.Load(new MemoryStream(xml)).Root!;
        Assert.Equal(publication.ActivityCount, root.Elements("iati-activity").Count());
        Assert.True(publication.ActivityCount > 0);
        Assert.Equal(publication.PublishTime.ToDateTimeOffset(), DateTimeOffset.Parse(root.Attribute("generated-datetime")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"{Minusma}/iatiPublications/edition-1", demo.Name);
        Assert.Equal($"{Minusma}/iatiPublications/edition-2", publication.Name);
        Assert.Equal("/iati/minusma/publications/edition-2.xml", publication.FilePath);
    }

    [Fact]
    public async Task A_reader_that_holds_the_latest_file_is_answered_304_until_the_next_publication()
    {
        await Client.CreateProjectAsync(CreateSchool());
        var first = await PublishAsync();
        using var anyone = App.Service.HttpClientWith(token: null);

        using var again = new HttpRequestMessage(HttpMethod.Get, Latest);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{first.Sha256}\""));
        using var unchanged = await anyone.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);

        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        var second = await PublishAsync();
        using var later = new HttpRequestMessage(HttpMethod.Get, Latest);
        later.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{first.Sha256}\""));
        using var changed = await anyone.SendAsync(later);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal($"\"{second.Sha256}\"", changed.Headers.ETag?.Tag);
        Assert.NotEqual(first.Sha256, second.Sha256);
    }

    [Fact]
    public async Task Every_publication_is_kept_unchanged_at_its_own_address_and_listed_newest_first()
    {
        await Client.CreateProjectAsync(CreateSchool());
        var first = await PublishAsync();
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        var second = await PublishAsync();
        using var anyone = App.Service.HttpClientWith(token: null);

        var firstFile = await anyone.GetByteArrayAsync(first.FilePath);
        var latestFile = await anyone.GetByteArrayAsync(Latest);

        Assert.Equal(first.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(firstFile)));
        Assert.Equal(second.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(latestFile)));
        Assert.Contains("<activity-status code=\"1\"", System.Text.Encoding.UTF8.GetString(firstFile));
        Assert.Contains("<activity-status code=\"2\"", System.Text.Encoding.UTF8.GetString(latestFile));
        var listed = await Client.ListIatiPublicationsAsync(new ListIatiPublicationsRequest { Parent = Minusma });
        Assert.Equal([second.Name, first.Name], listed.IatiPublications.Select(p => p.Name));
        Assert.Equal(first, await Client.GetIatiPublicationAsync(new GetIatiPublicationRequest { Name = first.Name }));
        var firstPage = await Client.ListIatiPublicationsAsync(new ListIatiPublicationsRequest { Parent = Minusma, PageSize = 1 });
        var secondPage = await Client.ListIatiPublicationsAsync(new ListIatiPublicationsRequest { Parent = Minusma, PageSize = 1, PageToken = firstPage.NextPageToken });
        Assert.Equal([second.Name, first.Name], firstPage.IatiPublications.Concat(secondPage.IatiPublications).Select(p => p.Name));
    }

    [Fact]
    public async Task A_retried_publication_publishes_nothing_more()
    {
        var requestId = NewId();

        var first = await PublishAsync(requestId);
        var retried = await PublishAsync(requestId);

        Assert.Equal(first, retried);
        Assert.Equal([first.Name], (await Client.ListIatiPublicationsAsync(new ListIatiPublicationsRequest { Parent = Minusma })).IatiPublications.Select(p => p.Name));
    }

    [Fact]
    public async Task Before_any_publication_the_files_are_not_found_and_say_why()
    {
        using var anyone = App.Service.HttpClientWith(token: null);

        using var latest = await anyone.GetAsync(Latest);
        using var numbered = await anyone.GetAsync("/iati/minusma/publications/edition-7.xml");

        Assert.Equal(HttpStatusCode.NotFound, latest.StatusCode);
        Assert.Contains("PublishIatiActivities", await latest.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, numbered.StatusCode);
        await RpcAssert.Fails(StatusCode.NotFound, () => Client.GetIatiPublicationAsync(new GetIatiPublicationRequest { Name = $"{Minusma}/iatiPublications/edition-7" }).ResponseAsync);
    }

    [Fact]
    public async Task Only_an_approver_publishes_and_the_feed_tells_its_followers()
    {
        var planner = new ProjectsService.ProjectsServiceClient(App.Service.ChannelWith(TestTokens.For("minusma:planner")));
        await RpcAssert.Fails(StatusCode.PermissionDenied, () => planner.PublishIatiActivitiesAsync(
            new PublishIatiActivitiesRequest { Parent = Minusma, RequestId = NewId() }).ResponseAsync);
        var approver = new ProjectsService.ProjectsServiceClient(App.Service.ChannelWith(TestTokens.For("minusma:approver")));

        var publication = await approver.PublishIatiActivitiesAsync(new PublishIatiActivitiesRequest { Parent = Minusma, RequestId = NewId() });

        using var feed = Client.WatchEvents(new WatchEventsRequest { Parent = Minusma, EventTypes = { IatiPublicationPublished.Descriptor.FullName } });
        Assert.True(await feed.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(publication, feed.ResponseStream.Current.Payload.Unpack<IatiPublicationPublished>().IatiPublication);
    }
}
