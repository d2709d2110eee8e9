extern alias liquidation;
extern alias projects;
extern alias sites;
using MissionOps.Common.V1;
using MissionOps.Personnel.V1;
using MissionOps.ServiceDefaults;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using Npgsql;
using NpgsqlTypes;
using Date = Google.Type.Date;

namespace MissionOps.Benchmarks;

/// <summary>
/// A throw-away PostgreSQL, the Sites service holding the bench mission and its sites, the
/// Personnel service calling it, and the bench mission's people written straight to its table;
/// with <c>allServices</c>, Projects and Liquidation beside them, wired as the AppHost wires them.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _services;

    private BenchHost(PostgresServer postgres, List<IAsyncDisposable> services)
    {
        Postgres = postgres;
        _services = services;
        Sites = (QuietServiceFactory<sites::Program>)services[0];
        Personnel = (QuietServiceFactory<Program>)services[1];
        Projects = services.Count > 2 ? (QuietServiceFactory<projects::Program>)services[2] : null;
        Liquidation = services.Count > 3 ? (QuietServiceFactory<liquidation::Program>)services[3] : null;
        Client = new PersonnelService.PersonnelServiceClient(Personnel.Channel);
        Database = NpgsqlDataSource.Create(Personnel.DatabaseConnectionString);
    }

    public PostgresServer Postgres { get; }

    public QuietServiceFactory<sites::Program> Sites { get; }

    public QuietServiceFactory<Program> Personnel { get; }

    public QuietServiceFactory<projects::Program>? Projects { get; }

    public QuietServiceFactory<liquidation::Program>? Liquidation { get; }

    public PersonnelService.PersonnelServiceClient Client { get; }

    /// <summary>The Personnel database, for the baselines and for loading.</summary>
    public NpgsqlDataSource Database { get; }

    /// <summary>Starts everything; if any step fails, stops what was started (the PostgreSQL cluster above all) and rethrows.</summary>
    public static async Task<BenchHost> StartAsync(BenchData data, bool allServices = false)
    {
        var postgres = PostgresServer.Start();
        var services = new List<IAsyncDisposable>();
        try
        {
            int personnelPort = LoopbackPorts.Free(), projectsPort = LoopbackPorts.Free();
            var sites = new QuietServiceFactory<sites::Program>(postgres, "sitesdb", "bench_sites");
            services.Add(sites);
            if (allServices)
            {
                // Sites asks Personnel and Projects before it closes a site.
                sites.WithService(ServiceNames.Personnel, LoopbackPorts.AddressOf(personnelPort))
                    .WithService(ServiceNames.Projects, LoopbackPorts.AddressOf(projectsPort));
            }

            sites.Start();
            await CreateMissionAndSitesAsync(new SitesService.SitesServiceClient(sites.Channel), data);

            // Start() returns once the service has migrated its database.
            var personnel = new QuietServiceFactory<Program>(postgres, MissionOps.Personnel.Extensions.DatabaseName, "bench_personnel");
            services.Add(personnel);
            personnel.WithService(ServiceNames.Sites, sites.Address).Start(allServices ? personnelPort : 0);
            if (allServices)
            {
                var projects = new QuietServiceFactory<projects::Program>(postgres, "projectsdb", "bench_projects");
                services.Add(projects);
                projects.WithService(ServiceNames.Sites, sites.Address).Start(projectsPort);
                var liquidation = new QuietServiceFactory<liquidation::Program>(postgres, "liquidationdb", "bench_liquidation");
                services.Add(liquidation);
                liquidation.WithService(ServiceNames.Sites, sites.Address).WithService(ServiceNames.Personnel, personnel.Address)
                    .WithService(ServiceNames.Projects, projects.Address).Start();
            }
        }
        catch
        {
            for (var i = services.Count - 1; i >= 0; i--)
            {
                await StopAsync(services[i]);
            }

            await postgres.DisposeAsync();
            throw;
        }

        var host = new BenchHost(postgres, services);
        try
        {
            await host.InsertPeopleAsync(data);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    private static async Task StopAsync(IAsyncDisposable? service)
    {
        if (service is null)
        {
            return;
        }

        try
        {
            await service.DisposeAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or AggregateException)
        {
            // A service that failed to start may fail to stop as well; the cluster must still go.
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Database.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        for (var i = _services.Count - 1; i >= 0; i--)
        {
            await _services[i].DisposeAsync();
        }

        await Postgres.DisposeAsync();
    }

    private static async Task CreateMissionAndSitesAsync(SitesService.SitesServiceClient client, BenchData data)
    {
        await client.CreateMissionAsync(new CreateMissionRequest
        {
            MissionId = BenchData.MissionId,
            RequestId = Guid.NewGuid().ToString(),
            Mission = new Mission
            {
                DisplayName = Text("Benchmark mission", "Mission de mesure"),
                HostCountryCode = "ML",
                MandateStartDate = new Date { Year = 2013, Month = 4, Day = 25 },
            },
        });
        await client.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = BenchData.Mission,
            RequestId = Guid.NewGuid().ToString(),
            Region = new Region
            {
                Pcode = "ML05",
                PcodeVersion = "2019",
                DisplayName = Text("Mopti", "Mopti"),
                Districts =
                {
                    new District { Pcode = "ML0501", DisplayName = Text("Bandiagara", "Bandiagara") },
                    new District { Pcode = "ML0504", DisplayName = Text("Douentza", "Douentza") },
                    new District { Pcode = "ML0506", DisplayName = Text("Mopti", "Mopti") },
                },
            },
        });
        foreach (var siteId in data.SiteIds)
        {
            await client.CreateSiteAsync(new CreateSiteRequest
            {
                Parent = BenchData.Mission,
                SiteId = siteId,
                RequestId = Guid.NewGuid().ToString(),
                Site = new Site
                {
                    DisplayName = Text($"{siteId} camp", $"camp de {siteId}"),
                    Kind = SiteKind.Camp,
                    Location = new SiteLocation { RegionPcode = "ML05", DistrictPcode = "ML0506", PcodeVersion = "2019", Locality = siteId },
                    OpeningDate = new Date { Year = 2013, Month = 7, Day = 1 },
                },
            });
        }
    }

    /// <summary>People are set-up, not what is measured: written with COPY rather than 20,000 CreatePerson calls.</summary>
    private async Task InsertPeopleAsync(BenchData data)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await Database.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY personnel (mission_id, id, index_number, full_name, component, category, country_code, unit_id, assigned_site, " +
            "assignment_date, create_time) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var person in data.People)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(BenchData.MissionId, NpgsqlDbType.Text);
                await writer.WriteAsync(person.Id, NpgsqlDbType.Text);
                await writer.WriteAsync(person.IndexNumber, NpgsqlDbType.Text);
                await writer.WriteAsync(person.FullName, NpgsqlDbType.Text);
                await writer.WriteAsync(person.Component.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(person.Category.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(person.CountryCode, NpgsqlDbType.Text);
                await writer.WriteNullAsync();
                await writer.WriteAsync(data.SiteNames[person.AssignedSite], NpgsqlDbType.Text);
                await writer.WriteAsync(person.AssignmentDate, NpgsqlDbType.Date);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE personnel", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static LocalizedText Text(string en, string fr) => new() { En = en, Fr = fr };
}
