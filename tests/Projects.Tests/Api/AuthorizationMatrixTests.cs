using MissionOps.Projects.V1;
using MissionOps.Testing;

namespace MissionOps.Projects.Tests.Api;

public sealed class AuthorizationMatrixTests(ProjectsApp app) : ProjectsApiTest(app)
{
    [Fact]
    public Task Every_RPC_answers_each_token_as_the_declared_map_says() =>
        AuthorizationMatrix.CheckAsync(App.Service, ProjectsService.Descriptor, "projects", ProjectsPermissions.Map,
            ProjectsPermissions.RegionScoped);
}
