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

namespace MissionOps.Board.Tests;

/// <summary>
/// The four services on PostgreSQL with the MINUSMA demo data, as the AppHost loads it, and the board on a loopback port,
/// signed in to through its development page, shown on the day of the Sévaré handover's note (9 December 2023).
/// </summary>
public sealed class BoardApp : IAsyncLifetime
{
    public static readonly DateOnly PlanningDay = new(2023, 12, 9);

    private readonly List<IAsyncDisposable> _services = [];

    public PostgresServer Postgres { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    /// <summary>A page or file of the board, by its path (<c>/missions/minusma</c>).</summary>
    public string Url(string path) => new Uri(Address, path).ToString();

    /// <summary>The services as an administrator of every mission calls them, to check what the board shows.</summary>
    public MissionOpsClient Administrator { get; private set; } = null!;

    public HeadlessChromium Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = PostgresServer.Start();
        int sitesPort = LoopbackPorts.Free(), personnelPort = LoopbackPorts.Free(), projectsPort = LoopbackPorts.Free(), liquidationPort = LoopbackPorts.Free();
        var addresses = new Dictionary<string, Uri>
        {
            [ServiceNames.Sites] = LoopbackPorts.AddressOf(sitesPort),
            [ServiceNames.Personnel] = LoopbackPorts.AddressOf(personnelPort),
            [ServiceNames.Projects] = LoopbackPorts.AddressOf(projectsPort),
            [ServiceNames.Liquidation] = LoopbackPorts.AddressOf(liquidationPort),
        };

        // In the AppHost's order: each service loads its demo data as it starts, from what the ones before it hold.
        Start(new GrpcServiceFactory<SitesProgram>(Postgres, "sitesdb", "sites_for_board"), sitesPort, addresses);
        Start(new GrpcServiceFactory<PersonnelProgram>(Postgres, "personneldb", "personnel_for_board"), personnelPort, addresses);
        Start(new GrpcServiceFactory<ProjectsProgram>(Postgres, "projectsdb", "projects_for_board"), projectsPort, addresses);
        Start(new GrpcServiceFactory<LiquidationProgram>(Postgres, "liquidationdb", "liquidation_for_board"), liquidationPort, addresses);

        var board = new BoardHost(addresses, new() { ["Auth:SigningKey"] = TestTokens.SigningKey });
        _services.Add(board);
        Address = board.Start();

        Administrator = new MissionOpsClient(new MissionOpsClientOptions
        {
            Sites = addresses[ServiceNames.Sites],
            Personnel = addresses[ServiceNames.Personnel],
            Projects = addresses[ServiceNames.Projects],
            Liquidation = addresses[ServiceNames.Liquidation],
            Tokens = MissionOpsClientOptions.FixedToken(TestTokens.Administrator),
        });
        Browser = await HeadlessChromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Administrator.Dispose();
        foreach (var service in Enumerable.Reverse(_services))
        {
            await service.DisposeAsync();
        }

        await Postgres.DisposeAsync();
    }

    private void Start<TProgram>(GrpcServiceFactory<TProgram> service, int port, Dictionary<string, Uri> addresses) where TProgram : class
    {
        foreach (var (name, address) in addresses)
        {
            service.WithService(name, address);
        }

        service.WithSetting("DemoData:Load", "true");
        service.Start(port);
        _services.Add(service);
    }
}

[CollectionDefinition(Name)]
public sealed class BoardCollection : ICollectionFixture<BoardApp>
{
    public const string Name = "The drawdown board over the four services with the MINUSMA demo";
}
