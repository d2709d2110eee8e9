using MissionOps.Sites.V1;
using MissionOps.Testing;

namespace MissionOps.Sites.Tests.Api;

/// <summary>One PostgreSQL server and one running Sites service for all the API tests.</summary>
public sealed class SitesApp : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;

    public GrpcServiceFactory<Program> Service { get; private set; } = null!;

    public SitesService.SitesServiceClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Postgres = PostgresServer.Start();
        Service = new GrpcServiceFactory<Program>(Postgres, Extensions.DatabaseName, "sites_tests");
        Service.Start();
        Client = new SitesService.SitesServiceClient(Service.Channel);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
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

    public Task InitializeAsync() => app.Service.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>MINUSMA with the Mopti region and drawdown phase 2.</summary>
    protected async Task CreateMissionWithMoptiAndPhase2Async()
    {
        await Client.CreateMissionAsync(Requests.CreateMission());
        await Client.CreateRegionAsync(Requests.CreateMopti());
        await Client.CreateDrawdownPhaseAsync(Requests.CreatePhase2());
    }

    /// <summary>Opens a site, plans it in phase 2 and records every checklist step, ready to close.</summary>
    protected async Task<V1.Site> OpenSiteWithChecklistDoneAsync(string id)
    {
        await Client.CreateSiteAsync(Requests.CreateSite(id));
        var site = await Client.PlanSiteClosureAsync(Requests.Plan(id, Requests.Day(2023, 12, 8)));
        var day = 1;
        foreach (var kind in Enum.GetValues<V1.ClosureStepKind>().Where(k => k != V1.ClosureStepKind.Unspecified))
        {
            site = await Client.RecordClosureStepAsync(Requests.Step(id, kind, Requests.Day(2023, 11, day++)));
        }

        return site;
    }

    protected async Task<V1.Site> OpenAndCloseSiteAsync(string id)
    {
        await OpenSiteWithChecklistDoneAsync(id);
        return await Client.RecordSiteClosureAsync(Requests.CloseRequest(id, Requests.Day(2023, 12, 8)));
    }
}
