using Grpc.Core;
using MissionOps.Projects.V1;
using MissionOps.Testing;
using static MissionOps.Projects.Tests.Api.Requests;

namespace MissionOps.Projects.Tests.Api;

/// <summary>A project lies in the regions of its locations, a site's as Sites places it: a region-scoped viewer sees those only.</summary>
public sealed class RegionScopeTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public async Task Every_region_scoped_read_names_only_the_projects_of_the_region()
    {
        await Client.CreateProjectAsync(CreateSchool());
        await Client.StartProjectAsync(Start("school-sevare", Day(2023, 1, 15)));
        await Client.CreateProjectAsync(CreateBridges());
        var atHeadquarters = CreateSchool("school-bamako");
        atHeadquarters.Project.Locations[0] = new ProjectLocation { Site = "missions/minusma/sites/bamako-hq" };
        await Client.CreateProjectAsync(atHeadquarters);

        await RegionScopeCheck.CheckAsync(App.Service, ProjectsService.Descriptor, ProjectsPermissions.RegionScoped, AuthorizationMatrix.Region,
            (_, request) =>
            {
                switch (request)
                {
                    case ListOpenProjectsRequest open:
                        open.Site = Sevare;
                        break;
                }

                return request;
            });
        using var channel = App.Service.ChannelWith(TestTokens.Scoped(RegionScopeCheck.Elsewhere, "minusma:viewer"));
        var elsewhere = new ProjectsService.ProjectsServiceClient(channel);
        var got = await RpcAssert.OutcomeOf(elsewhere.GetProjectAsync(new GetProjectRequest { Name = ProjectName("school-bamako") }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, got.Code);
        Assert.Empty((await elsewhere.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma })).Projects);
        Assert.Equal(3, (await Client.ListProjectsAsync(new ListProjectsRequest { Parent = Minusma })).Projects.Count);
    }
}
