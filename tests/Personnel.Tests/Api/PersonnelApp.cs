extern alias sites;
using Microsoft.Extensions.DependencyInjection;
using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>PostgreSQL, the real Sites service with MINUSMA's sites, and Personnel calling it.</summary>
public sealed class PersonnelApp : IAsyncLifetime
{
    /// <summary>A small manifest limit, so that going over it is cheap to test.</summary>
    public const int ManifestRowLimit = 50;

    /// <summary>Rows per message of a CSV manifest, so that a small file is sent in several.</summary>
    public const int ManifestCsvBatchRows = 7;

    public PostgresServer Postgres { get; private set; } = null!;

    public const string MetricsPlanningDay = "2023-12-01";

    public GrpcServiceFactory<sites::Program> Sites { get; private set; } = null!;

    public SitesDependentServiceFactory<Program> Service { get; private set; } = null!;

    public PersonnelService.PersonnelServiceClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = PostgresServer.Start();
        Sites = new GrpcServiceFactory<sites::Program>(Postgres, "sitesdb", "sites_for_personnel");
        Sites.Start();
        var sites = new SitesService.SitesServiceClient(Sites.Channel);
        await MinusmaSites.CreateAsync(sites);
        // The demo keeps part of its residual team at Gao (DemoDataTests); in Mopti's region here, as Gao's is left empty (RegionScopeCheck).
        await MinusmaSites.AddCampAsync(sites, "gao");
        Service = new SitesDependentServiceFactory<Program>(Postgres, Extensions.DatabaseName, "personnel_tests", Sites.Address);
        Service.WithSetting("Personnel:MaxManifestRows", ManifestRowLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Service.WithSetting("Personnel:ManifestCsvBatchRows", ManifestCsvBatchRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The gauges show MINUSMA as on 1 December 2023 (MetricsTests).
        Service.WithSetting("Missions:minusma:PlanningDay", MetricsPlanningDay);
        Service.Start();
        Client = new PersonnelService.PersonnelServiceClient(Service.Channel);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Sites.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PersonnelCollection : ICollectionFixture<PersonnelApp>
{
    public const string Name = "Personnel and Sites services on PostgreSQL";
}

/// <summary>Each test starts with no personnel data (the sites stay).</summary>
[Collection(PersonnelCollection.Name)]
public abstract class PersonnelApiTest(PersonnelApp app) : IAsyncLifetime
{
    protected PersonnelService.PersonnelServiceClient Client => app.Client;

    protected PersonnelApp App => app;

    public Task InitializeAsync() => app.Service.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>MINUSMA's demo personnel, as the service loads them on first start in development.</summary>
    protected async Task LoadDemoDataAsync()
    {
        await using var scope = app.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.PersonnelDbContext>();
        await ActivatorUtilities.CreateInstance<DemoData.MinusmaPersonnel>(scope.ServiceProvider).SeedAsync(db, CancellationToken.None);
    }

    /// <summary>How many rows a COPY into movements has taken so far, asked of PostgreSQL's progress view until some have arrived.</summary>
    protected async Task<long> RowsCopiedIntoMovementsAsync(TimeSpan until)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.Service.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT coalesce(sum(tuples_processed), 0)::bigint FROM pg_stat_progress_copy WHERE relid = 'movements'::regclass", connection);
        var deadline = DateTime.UtcNow + until;
        long copied;
        while ((copied = (long)(await command.ExecuteScalarAsync())!) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return copied;
    }

    /// <summary>A client of the service holding a token with one role, scoped to a region when one is named.</summary>
    protected PersonnelService.PersonnelServiceClient ClientAs(string role, string? region = null) =>
        new(app.Service.ChannelWith(region is null ? TestTokens.For(role) : TestTokens.Scoped(region, role)));

    protected async Task<int> MovementCountAsync() =>
        (await Client.ListMovementsAsync(new ListMovementsRequest { Parent = Minusma, PageSize = 1000 })).Movements.Count;

    protected async Task<MissionOps.Personnel.V1.Person> HireAsync(string id, string site = Sevare, string? unit = null,
        Category category = Category.Contingent)
    {
        var request = CreatePerson(id, site, category);
        if (unit is not null)
        {
            request.Person.Unit = unit;
        }

        return await Client.CreatePersonAsync(request);
    }
}
