extern alias sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Projects.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;

namespace MissionOps.Projects.Tests.Api;

/// <summary>PostgreSQL, the real Sites service with MINUSMA's sites, and Projects calling it.</summary>
public sealed class ProjectsApp : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;

    public GrpcServiceFactory<sites::Program> Sites { get; private set; } = null!;

    public SitesDependentServiceFactory<Program> Service { get; private set; } = null!;

    public ProjectsService.ProjectsServiceClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = PostgresServer.Start();
        Sites = new GrpcServiceFactory<sites::Program>(Postgres, "sitesdb", "sites_for_projects");
        Sites.Start();
        await MinusmaSites.CreateAsync(new SitesService.SitesServiceClient(Sites.Channel));
        Service = new SitesDependentServiceFactory<Program>(Postgres, Extensions.DatabaseName, "projects_tests", Sites.Address);
        foreach (var (key, value) in DemoData.MinusmaProjects.ReportingOrganisations)
        {
            Service.WithSetting(key, value!);
        }

        Service.Start();
        Client = new ProjectsService.ProjectsServiceClient(Service.Channel);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Sites.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProjectsCollection : ICollectionFixture<ProjectsApp>
{
    public const string Name = "Projects and Sites services on PostgreSQL";
}

/// <summary>Each test starts with no project data (the sites stay), and MINUSMA's quick-impact rules: USD 50,000 and 6 months.</summary>
[Collection(ProjectsCollection.Name)]
public abstract class ProjectsApiTest(ProjectsApp app) : IAsyncLifetime
{
    protected ProjectsService.ProjectsServiceClient Client => app.Client;

    protected ProjectsApp App => app;

    public async Task InitializeAsync()
    {
        await app.Service.ResetDatabaseAsync();
        await Client.UpdateQuickImpactRulesAsync(Requests.QuickImpactRules(5_000_000, 6));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>MINUSMA's demo projects and rules, loaded through the endpoints as the service loads them in development.</summary>
    protected async Task LoadDemoDataAsync()
    {
        await using var scope = app.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.ProjectsDbContext>();
        if (await db.Projects.AnyAsync() is false)
        {
            await db.QuickImpactRules.ExecuteDeleteAsync();
        }

        await ActivatorUtilities.CreateInstance<DemoData.MinusmaProjects>(scope.ServiceProvider).SeedAsync(db, CancellationToken.None);
    }
}
