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
}
