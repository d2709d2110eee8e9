using Google.Protobuf.Reflection;
using MissionOps.Testing;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>
/// Each of the four services, as this fixture runs them all, describes its HTTP/JSON API as its contract says: a valid
/// OpenAPI document, public, with every binding at its rule's path (see <see cref="OpenApiContract"/>).
/// </summary>
[Collection(LiquidationCollection.Name)]
public sealed class OpenApiDocumentTests(LiquidationApp app)
{
    public static TheoryData<string> Services => ["sites", "personnel", "projects", "liquidation"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_service_describes_every_HTTP_binding_of_its_contract_in_a_valid_public_OpenAPI_document(string service)
    {
        var (address, descriptor) = Of(service);
        using var anonymous = new HttpClient { BaseAddress = address };

        var document = await OpenApiContract.ReadAsync(anonymous);

        OpenApiContract.AssertDescribes(document, descriptor);
    }

    [Fact]
    public async Task A_resource_s_paths_name_each_collection_s_id()
    {
        using var anonymous = new HttpClient { BaseAddress = app.Sites.HttpAddress };

        var document = await OpenApiContract.ReadAsync(anonymous);

        Assert.Contains("/v1/missions/{missionsId}/sites/{sitesId}", document.Paths.Keys);
        Assert.Contains("/v1/missions/{missionsId}/regions/{regionsId}", document.Paths.Keys);
        Assert.Contains("/v1/missions/{missionsId}/sites/{sitesId}:recordClosure", document.Paths.Keys);
        Assert.DoesNotContain(document.Paths.Keys, path => path.Contains("{name}", StringComparison.Ordinal));
    }

    private (Uri Address, ServiceDescriptor Descriptor) Of(string service) => service switch
    {
        "sites" => (app.Sites.HttpAddress, MissionOps.Sites.V1.SitesService.Descriptor),
        "personnel" => (app.Personnel.HttpAddress, MissionOps.Personnel.V1.PersonnelService.Descriptor),
        "projects" => (app.Projects.HttpAddress, MissionOps.Projects.V1.ProjectsService.Descriptor),
        _ => (app.Service.HttpAddress, V1.LiquidationService.Descriptor),
    };
}
