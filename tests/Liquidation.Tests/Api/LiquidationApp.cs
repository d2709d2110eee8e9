extern alias personnel;
extern alias projects;
extern alias sites;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Liquidation.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using PersonnelProgram = personnel::Program;
using ProjectsProgram = projects::Program;
using SitesProgram = sites::Program;

namespace MissionOps.Liquidation.Tests.Api;

/// <summary>PostgreSQL, the real Sites and Personnel services, and Liquidation calling both.</summary>
public sealed class LiquidationApp : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;

    public GrpcServiceFactory<SitesProgram> Sites { get; private set; } = null!;

    public SitesDependentServiceFactory<PersonnelProgram> Personnel { get; private set; } = null!;

    public SitesDependentServiceFactory<ProjectsProgram> Projects { get; private set; } = null!;

    public SitesDependentServiceFactory<Program> Service { get; private set; } = null!;

    public LiquidationService.LiquidationServiceClient Client { get; private set; } = null!;

    public SitesService.SitesServiceClient SitesClient { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = PostgresServer.Start();
        int sitesPort = LoopbackPorts.Free(), personnelPort = LoopbackPorts.Free(), projectsPort = LoopbackPorts.Free();
        Sites = new GrpcServiceFactory<SitesProgram>(Postgres, "sitesdb", "sites_for_liquidation")
            .WithService("personnel", LoopbackPorts.AddressOf(personnelPort))
            .WithService("projects", LoopbackPorts.AddressOf(projectsPort));
        Sites.Start(sitesPort);
        SitesClient = new SitesService.SitesServiceClient(Sites.Channel);
        Personnel = new SitesDependentServiceFactory<PersonnelProgram>(Postgres, "personneldb", "personnel_for_liquidation", Sites.Address);
        Personnel.Start(personnelPort);
        Projects = new SitesDependentServiceFactory<ProjectsProgram>(Postgres, "projectsdb", "projects_for_liquidation", Sites.Address);
        Projects.Start(projectsPort);
        Service = new SitesDependentServiceFactory<Program>(Postgres, Extensions.DatabaseName, "liquidation_tests", Sites.Address);
        Service.WithService("personnel", Personnel.Address).WithService("projects", Projects.Address);
        // The gauges show MINUSMA as on 1 March 2024, two months into its liquidation (MetricsTests).
        Service.WithSetting("Missions:minusma:PlanningDay", "2024-03-01");
        Service.Start();
        Client = new LiquidationService.LiquidationServiceClient(Service.Channel);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Projects.DisposeAsync();
        await Personnel.DisposeAsync();
        await Sites.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LiquidationCollection : ICollectionFixture<LiquidationApp>
{
    public const string Name = "Liquidation, Personnel and Sites services on PostgreSQL";
}

/// <summary>
/// Each test starts with no liquidation, personnel or project data, MINUSMA's three sites open as
/// MinusmaSites creates them, and MINUSMA's plan: USD 50,000 threshold.
/// </summary>
[Collection(LiquidationCollection.Name)]
public abstract class LiquidationApiTest(LiquidationApp app) : IAsyncLifetime
{
    private static readonly Google.Protobuf.Reflection.TypeRegistry Events = Google.Protobuf.Reflection.TypeRegistry.FromFiles(V1.EventsReflection.Descriptor);

    protected LiquidationService.LiquidationServiceClient Client => app.Client;

    protected LiquidationApp App => app;

    public async Task InitializeAsync()
    {
        await app.Service.ResetDatabaseAsync();
        await app.Sites.ResetDatabaseAsync();
        await MinusmaSites.CreateAsync(app.SitesClient);
        // The sites are made anew: Liquidation must not place them by the regions it kept of the last test's (SiteRegions keeps them a minute).
        ((MemoryCache)app.Service.Services.GetRequiredService<IMemoryCache>()).Compact(1.0);
        await app.Personnel.ResetDatabaseAsync();
        await app.Projects.ResetDatabaseAsync();
        await Client.UpdateLiquidationPlanAsync(Requests.PlanWithThreshold(5_000_000));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<ClosureReadiness> ReadinessAsync() =>
        await Client.GetClosureReadinessAsync(new GetClosureReadinessRequest { Mission = Requests.Minusma });

    /// <summary>The mission's feed after <paramref name="sequence"/>, each event's message unpacked.</summary>
    protected async Task<List<Google.Protobuf.IMessage>> EventsAfterAsync(long sequence) =>
        (await FeedReader.ReadAsync(app.Service.Channel.CreateCallInvoker(), LiquidationService.Descriptor, Requests.Minusma, sequence))
            .Select(e => e.Payload.Unpack(Events)).ToList();

    /// <summary>Where the mission's feed stands: its last sequence.</summary>
    protected async Task<long> FeedPositionAsync() =>
        (await FeedReader.ReadAsync(app.Service.Channel.CreateCallInvoker(), LiquidationService.Descriptor, Requests.Minusma)).LastOrDefault()?.Sequence ?? 0;

    /// <summary>The RPCs of the audit entries of one resource, newest first.</summary>
    protected async Task<List<string>> AuditedAsync(string resource) =>
        [.. (await Client.ListAuditEntriesAsync(new V1.ListAuditEntriesRequest { Parent = Requests.Minusma, Resource = resource })).AuditEntries
            .Select(e => e.Method.Split('/')[^1])];

    /// <summary>The mission's disposal cases once <paramref name="done"/> holds, or after 20 s: Liquidation follows the Sites feed on its own.</summary>
    protected async Task<List<DisposalCase>> CasesWhenAsync(Func<List<DisposalCase>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var cases = (await Client.ListDisposalCasesAsync(new ListDisposalCasesRequest { Parent = Requests.Minusma })).DisposalCases.ToList();
            if (done(cases) || DateTime.UtcNow > deadline)
            {
                return cases;
            }

            await Task.Delay(200);
        }
    }
}
