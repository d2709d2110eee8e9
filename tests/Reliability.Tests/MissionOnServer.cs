extern alias liquidation;
extern alias personnel;
extern alias projects;
extern alias sites;
using MissionOps.Client;
using MissionOps.ServiceDefaults;
using MissionOps.Testing;
using LiquidationProgram = liquidation::Program;
using PersonnelProgram = personnel::Program;
using ProjectsProgram = projects::Program;
using SitesProgram = sites::Program;

namespace MissionOps.Reliability.Tests;

/// <summary>The four services on one PostgreSQL server, each on its own database and loopback port, called as an administrator.</summary>
public sealed class MissionOnServer : IAsyncDisposable
{
    /// <summary>Each service's database on the test server, as the backup names them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Databases = ServiceNames.All.ToDictionary(s => s, s => $"{s}db");

    private readonly List<IAsyncDisposable> _services = [];

    private MissionOnServer(MissionOpsClient client) => Client = client;

    public MissionOpsClient Client { get; }

    /// <summary>Starts the services in the AppHost's order; with the demo, each loads MINUSMA from what the ones before it hold.</summary>
    public static MissionOnServer Start(PostgresServer postgres, bool withDemo)
    {
        var ports = ServiceNames.All.ToDictionary(s => s, _ => LoopbackPorts.Free());
        var addresses = ports.ToDictionary(p => p.Key, p => LoopbackPorts.AddressOf(p.Value));
        var mission = new MissionOnServer(new MissionOpsClient(new MissionOpsClientOptions
        {
            Sites = addresses[ServiceNames.Sites], Personnel = addresses[ServiceNames.Personnel],
            Projects = addresses[ServiceNames.Projects], Liquidation = addresses[ServiceNames.Liquidation],
            Tokens = MissionOpsClientOptions.FixedToken(TestTokens.Administrator),
        }));
        mission.Run(new GrpcServiceFactory<SitesProgram>(postgres, "sitesdb", Databases[ServiceNames.Sites]), ports[ServiceNames.Sites], addresses, withDemo);
        mission.Run(new GrpcServiceFactory<PersonnelProgram>(postgres, "personneldb", Databases[ServiceNames.Personnel]), ports[ServiceNames.Personnel], addresses, withDemo);
        mission.Run(new GrpcServiceFactory<ProjectsProgram>(postgres, "projectsdb", Databases[ServiceNames.Projects]), ports[ServiceNames.Projects], addresses, withDemo);
        mission.Run(new GrpcServiceFactory<LiquidationProgram>(postgres, "liquidationdb", Databases[ServiceNames.Liquidation]), ports[ServiceNames.Liquidation], addresses, withDemo);
        return mission;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var service in Enumerable.Reverse(_services))
        {
            await service.DisposeAsync();
        }
    }

    private void Run<TProgram>(GrpcServiceFactory<TProgram> service, int port, Dictionary<string, Uri> addresses, bool withDemo) where TProgram : class
    {
        foreach (var (name, address) in addresses)
        {
            service.WithService(name, address);
        }

        service.WithSetting("DemoData:Load", withDemo ? "true" : "false");
        service.Start(port);
        _services.Add(service);
    }
}
