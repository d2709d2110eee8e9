extern alias personnel;
extern alias projects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MissionOps.ServiceDefaults.Data;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using PersonnelProgram = personnel::Program;
using ProjectsProgram = projects::Program;

namespace MissionOps.Sites.Tests.Api;

/// <summary>
/// One PostgreSQL server, the Sites service, and the Personnel and Projects services it asks
/// before a site closes (which in turn ask Sites), all on ports chosen before any starts.
/// </summary>
public sealed class SitesApp : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;

    public GrpcServiceFactory<Program> Service { get; private set; } = null!;

    public GrpcServiceFactory<PersonnelProgram> Personnel { get; private set; } = null!;

    public GrpcServiceFactory<ProjectsProgram> Projects { get; private set; } = null!;

    public SitesService.SitesServiceClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Postgres = PostgresServer.Start();
        int sitesPort = LoopbackPorts.Free(), personnelPort = LoopbackPorts.Free(), projectsPort = LoopbackPorts.Free();
        Service = new GrpcServiceFactory<Program>(Postgres, Extensions.DatabaseName, "sites_tests")
            .WithService("personnel", LoopbackPorts.AddressOf(personnelPort))
            .WithService("projects", LoopbackPorts.AddressOf(projectsPort))
            .WithSetting(DatabaseProbe.PeriodSetting, "00:00:01")
            // Feeds here are woken by the outbox's notifications alone: an event that comes late was not pushed.
            .WithSetting(ServiceDefaults.Events.OutboxSignal.SafetyPollSetting, "00:05:00");
        Personnel = new SitesDependentServiceFactory<PersonnelProgram>(Postgres, "personneldb", "personnel_for_sites", LoopbackPorts.AddressOf(sitesPort));
        Projects = new SitesDependentServiceFactory<ProjectsProgram>(Postgres, "projectsdb", "projects_for_sites", LoopbackPorts.AddressOf(sitesPort));
        Service.Start(sitesPort);
        Personnel.Start(personnelPort);
        Projects.Start(projectsPort);
        Client = new SitesService.SitesServiceClient(Service.Channel);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Projects.DisposeAsync();
        await Personnel.DisposeAsync();
        await Service.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SitesCollection : ICollectionFixture<SitesApp>
{
    public const string Name = "Sites service on PostgreSQL";
}

/// <summary>Each test starts from empty tables.</summary>
[Collection(SitesCollection.Name)]
public abstract class SitesApiTest(SitesApp app) : IAsyncLifetime
{
    protected SitesService.SitesServiceClient Client => app.Client;

    protected SitesApp App => app;

    public async Task InitializeAsync()
    {
        await app.Service.ResetDatabaseAsync();
        await app.Personnel.ResetDatabaseAsync();
        await app.Projects.ResetDatabaseAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>MINUSMA with the Mopti region and drawdown phase 2.</summary>
    protected Task CreateMissionWithMoptiAndPhase2Async() => Client.CreateMissionWithMoptiAndPhase2Async();

    /// <summary>Opens a site, plans it in phase 2 and records every checklist step, ready to close.</summary>
    protected Task<V1.Site> OpenSiteWithChecklistDoneAsync(string id) => Client.OpenSiteWithChecklistDoneAsync(id);

    protected Task<V1.Site> OpenAndCloseSiteAsync(string id) => Client.OpenAndCloseSiteAsync(id);

    /// <summary>MINUSMA's demo data, as the service loads it on first start in development.</summary>
    protected async Task LoadDemoDataAsync()
    {
        await using var scope = app.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.SitesDbContext>();
        await new DemoData.MinusmaDemoData(TimeProvider.System, NullLogger<DemoData.MinusmaDemoData>.Instance).SeedAsync(db, CancellationToken.None);
    }
}
