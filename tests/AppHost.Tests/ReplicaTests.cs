using System.Diagnostics;
using Grpc.Core;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.AppHost.Tests.Values;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The system as a cluster runs it: two copies of every service behind one address each (MissionOps:Replicas, as
/// every test of this collection runs). Calls reach both copies; a change sent again to another copy, even while the
/// first is at work, is made once; the rest of the collection (the Sévaré replay, the manifest import, the feeds,
/// the final report) runs on two copies too.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ReplicaTests(MissionOpsSystem system)
{
    [Fact]
    public async Task Every_service_runs_two_copies_and_calls_from_new_connections_reach_both()
    {
        using var dashboard = new DashboardTelemetry(system.Dashboard, system.DashboardApiKey);
        var traces = new List<(string Service, string TraceId)>();
        foreach (var service in MissionOpsSystem.Services)
        {
            for (var call = 0; call < 16; call++)
            {
                // A new channel is a new connection, which the AppHost's proxy gives to one copy or the other.
                using var channel = system.ChannelWith(service, system.AdministratorToken);
                var traceId = ActivityTraceId.CreateRandom().ToHexString();
                var traced = new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } };
                await ReadAsync(service, channel.CreateCallInvoker(), traced);
                traces.Add((service, traceId));
            }
        }

        var instances = new Dictionary<string, HashSet<string>>();
        var waited = Stopwatch.StartNew();
        foreach (var (service, traceId) in traces)
        {
            IReadOnlyList<TraceSpan> spans;
            while ((spans = await dashboard.TraceAsync(traceId)).All(s => s.Service != service) && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(500);
            }

            foreach (var span in spans.Where(s => s.Service == service))
            {
                (instances.TryGetValue(service, out var seen) ? seen : instances[service] = []).Add(span.Instance);
            }
        }

        Assert.All(MissionOpsSystem.Services, service => Assert.True(instances.GetValueOrDefault(service)?.Count == 2,
            $"{service} answered from {string.Join(", ", instances.GetValueOrDefault(service) ?? [])}"));
    }

    [Fact]
    public async Task A_change_sent_to_both_copies_at_once_and_again_later_is_made_once_and_answered_alike()
    {
        var missionId = $"replicas-{Guid.NewGuid():N}"[..20];
        var request = new CreateMissionRequest
        {
            MissionId = missionId,
            RequestId = Id(),
            Mission = new Mission { DisplayName = Text("Two copies", "Deux copies"), HostCountryCode = "ML", MandateStartDate = Day(2013, 4, 25) },
        };

        async Task<Mission> SendOnANewConnectionAsync()
        {
            using var channel = system.ChannelWith("sites", system.AdministratorToken);
            return await new SitesService.SitesServiceClient(channel).CreateMissionAsync(request);
        }

        var atOnce = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendOnANewConnectionAsync()));
        var later = new List<Mission>();
        for (var retry = 0; retry < 4; retry++)
        {
            later.Add(await SendOnANewConnectionAsync());
        }

        Assert.All(atOnce.Concat(later), answer => Assert.Equal(atOnce[0], answer));
        var sites = new SitesService.SitesServiceClient(system.Channel("sites"));
        var audit = await sites.ListAuditEntriesAsync(new ListAuditEntriesRequest { Parent = $"missions/{missionId}", PageSize = 100 });
        Assert.Single(audit.AuditEntries, e => e.RequestId == request.RequestId);
        var events = await FeedReader.ReadAsync(system.Channel("sites").CreateCallInvoker(), SitesService.Descriptor, $"missions/{missionId}");
        Assert.Single(events);
    }

    private static Task ReadAsync(string service, CallInvoker invoker, Metadata traced) => service switch
    {
        "sites" => new SitesService.SitesServiceClient(invoker).GetMissionAsync(new GetMissionRequest { Name = "missions/minusma" }, traced).ResponseAsync,
        "personnel" => new MissionOps.Personnel.V1.PersonnelService.PersonnelServiceClient(invoker)
            .ListUnitsAsync(new MissionOps.Personnel.V1.ListUnitsRequest { Parent = "missions/minusma", PageSize = 1 }, traced).ResponseAsync,
        "projects" => new MissionOps.Projects.V1.ProjectsService.ProjectsServiceClient(invoker)
            .ListProjectsAsync(new MissionOps.Projects.V1.ListProjectsRequest { Parent = "missions/minusma", PageSize = 1 }, traced).ResponseAsync,
        _ => new MissionOps.Liquidation.V1.LiquidationService.LiquidationServiceClient(invoker)
            .GetLiquidationPlanAsync(new MissionOps.Liquidation.V1.GetLiquidationPlanRequest { Name = "missions/minusma/liquidationPlan" }, traced).ResponseAsync,
    };
}
