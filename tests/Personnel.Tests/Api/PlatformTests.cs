using Grpc.Health.V1;

namespace MissionOps.Personnel.Tests.Api;

public sealed class PlatformTests(PersonnelApp app) : PersonnelApiTest(app)
{
    [Fact]
    public async Task The_service_reports_serving_once_its_database_is_migrated()
    {
        var reply = await new Health.HealthClient(App.Service.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}
