using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

/// <summary>Projects over plain HTTP/1.1 and JSON, through its AIP-127 bindings.</summary>
public sealed class HttpJsonTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task The_projects_listed_over_HTTP_are_those_gRPC_lists()
    {
        await Client.CreateProjectAsync(CreateSchool());
        using var http = App.Service.HttpClientWith(TestTokens.Administrator);

        var overHttp = await http.GetMessageAsync<ListProjectsResponse>($"/v1/{Minusma}/projects");

        Assert.Equal($"{Minusma}/projects/school-sevare", Assert.Single(overHttp.Projects).Name);
        Assert.Equal(await Client.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma }), overHttp);
    }

    [Fact]
    public async Task The_feed_over_HTTP_streams_and_resumes_as_gRPC_serves_it()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 9)));
        await Client.CreateProjectAsync(CreateSchool("school-mopti"));
        // Read as the same viewer: what a role may not see is left out of both alike.
        var viewer = TestTokens.For("minusma:viewer");
        var feed = await FeedReader.ReadAsync(App.Service.ChannelWith(viewer).CreateCallInvoker(), ProjectsService.Descriptor, Minusma);
        using var http = App.Service.HttpClientWith(viewer);

        await FeedOverHttp.CheckAsync(http, "minusma", feed);
    }
}
