using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace MissionOps.Sites.Tests.Api;

public sealed class PlatformTests(SitesApp app) : SitesApiTest(app)
{
    [Fact]
    public async Task The_service_reports_serving_once_its_database_is_migrated()
    {
        var health = new Health.HealthClient(App.Service.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Reflection_lists_the_sites_service_for_partner_tools()
    {
        var reflection = new ServerReflection.ServerReflectionClient(App.Service.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "missionops.sites.v1.SitesService");
    }
}
