extern alias sites;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MissionOps.Common.V1;
using MissionOps.Personnel.Telemetry;
using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using Npgsql;
using NpgsqlTypes;
using Date = Google.Type.Date;

namespace MissionOps.Personnel.Benchmarks;

/// <summary>The Sites service, quiet.</summary>
public sealed class SitesServiceFactory(PostgresServer postgres, string database)
    : GrpcServiceFactory<sites::Program>(postgres, "sitesdb", database)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Quiet(builder);
    }

    /// <summary>
    /// Warnings and errors only; and not EF's error for the first connection to a database that
    /// does not exist yet, which the service's migrator then creates.
    /// </summary>
    internal static void Quiet(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Connection", "Critical");
    }
}

/// <summary>
/// The Personnel service as the system runs it, except that it finds Sites at the given address,
/// logs only warnings, and runs without the half-minute headcount sampler, whose background query
/// over the same tables would land inside random measurements.
/// </summary>
public sealed class PersonnelServiceFactory(PostgresServer postgres, string database, Uri sitesAddress)
    : GrpcServiceFactory<Program>(postgres, Extensions.DatabaseName, database)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("services:sites:grpc:0", sitesAddress.ToString());
        SitesServiceFactory.Quiet(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var sampler in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(HeadcountSampler)).ToList())
            {
                services.Remove(sampler);
            }
        });
    }
}

/// <summary>
/// A throw-away PostgreSQL, the Sites service holding the bench mission and its sites, the
/// Personnel service calling it, and the bench mission's people written straight to its table.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(PostgresServer postgres, SitesServiceFactory sites, PersonnelServiceFactory personnel)
    {
        Postgres = postgres;
        Sites = sites;
        Personnel = personnel;
        Client = new PersonnelService.PersonnelServiceClient(personnel.Channel);
        Database = NpgsqlDataSource.Create(personnel.DatabaseConnectionString);
    }

    public PostgresServer Postgres { get; }

    public SitesServiceFactory Sites { get; }

    public PersonnelServiceFactory Personnel { get; }

    public PersonnelService.PersonnelServiceClient Client { get; }

    /// <summary>The Personnel database, for the baselines and for loading.</summary>
    public NpgsqlDataSource Database { get; }

    /// <summary>Starts everything; if any step fails, stops what was started (the PostgreSQL cluster above all) and rethrows.</summary>
    public static async Task<BenchHost> StartAsync(BenchData data)
    {
        var postgres = PostgresServer.Start();
        SitesServiceFactory? sites = null;
        PersonnelServiceFactory? personnel = null;
        try
        {
            sites = new SitesServiceFactory(postgres, "bench_sites");
            sites.Start();
            await CreateMissionAndSitesAsync(new SitesService.SitesServiceClient(sites.Channel), data);

            // Start() returns once the service has migrated its database.
            personnel = new PersonnelServiceFactory(postgres, "bench_personnel", sites.Address);
            personnel.Start();
        }
        catch
        {
            await StopAsync(personnel);
            await StopAsync(sites);
            await postgres.DisposeAsync();
            throw;
        }

        var host = new BenchHost(postgres, sites, personnel);
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
        await Personnel.DisposeAsync();
        await Sites.DisposeAsync();
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
