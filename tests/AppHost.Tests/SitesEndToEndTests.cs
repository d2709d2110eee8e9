using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using MissionOps.Sites.V1;

namespace MissionOps.AppHost.Tests;

[Collection(SystemCollection.Name)]
public sealed class SitesEndToEndTests(MissionOpsSystem system)
{
    private SitesService.SitesServiceClient Sites => new(system.Channel("sites"));

    [Fact]
    public async Task The_AppHost_starts_Sites_with_the_Sevare_closure_recorded()
    {
        var sevare = await Sites.GetSiteAsync(new GetSiteRequest { Name = "missions/minusma/sites/sevare" });

        Assert.Equal(SiteState.HandedOver, sevare.State);
        Assert.Equal(new Google.Type.Date { Year = 2023, Month = 12, Day = 8 }, sevare.ClosingDate);
        Assert.Contains(sevare.Handover.Signatories, s => s.FullName == "Abass Dembélé");
        Assert.Contains(sevare.Handover.Attendees, a => a.FullName == "El-Ghassim Wane");
    }

    [Fact]
    public async Task The_drawdown_timeline_shows_both_phases_in_closing_order()
    {
        var timeline = await Sites.GetDrawdownTimelineAsync(new GetDrawdownTimelineRequest { Mission = "missions/minusma" });

        var phase1 = Assert.Single(timeline.Phases, p => p.Ordinal == 1);
        Assert.Equal(["ogossagou"], phase1.Sites.Select(s => s.Site.Split('/')[^1]));
        var phase2 = Assert.Single(timeline.Phases, p => p.Ordinal == 2);
        var closed = phase2.Sites.Where(s => s.ClosingDate is not null).Select(s => s.Site.Split('/')[^1]).ToList();
        Assert.True(closed.IndexOf("douentza") < closed.IndexOf("bandiagara") && closed.IndexOf("bandiagara") < closed.IndexOf("sevare"), string.Join(", ", closed));
        Assert.Equal("timbuktu", closed[^1]);
    }

    [Fact]
    public async Task Sites_answers_health_and_reflection_like_buf_curl_expects()
    {
        var health = await new Health.HealthClient(system.Channel("sites")).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        using var call = new ServerReflection.ServerReflectionClient(system.Channel("sites")).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "missionops.sites.v1.SitesService");
    }
}
