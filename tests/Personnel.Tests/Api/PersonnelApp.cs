extern alias sites;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using MissionOps.Personnel.V1;
using MissionOps.Sites.V1;
using MissionOps.Testing;
using static MissionOps.Personnel.Tests.Api.Requests;

namespace MissionOps.Personnel.Tests.Api;

/// <summary>A Personnel service that finds Sites at the given address (a real one, or a closed port).</summary>
public sealed class PersonnelServiceFactory(PostgresServer postgres, string database, Uri sitesAddress)
    : GrpcServiceFactory<Program>(postgres, Extensions.DatabaseName, database)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("services:sites:grpc:0", sitesAddress.ToString());
    }
}

/// <summary>PostgreSQL, the real Sites service with MINUSMA's sites, and Personnel calling it.</summary>
public sealed class PersonnelApp : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;

    public GrpcServiceFactory<sites::Program> Sites { get; private set; } = null!;

    public PersonnelServiceFactory Service { get; private set; } = null!;

    public PersonnelService.PersonnelServiceClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = PostgresServer.Start();
        Sites = new GrpcServiceFactory<sites::Program>(Postgres, "sitesdb", "sites_for_personnel");
        Sites.Start();
        await CreateSitesAsync(new SitesService.SitesServiceClient(Sites.Channel));
        Service = new PersonnelServiceFactory(Postgres, "personnel_tests", Sites.Address);
        Service.Start();
        Client = new PersonnelService.PersonnelServiceClient(Service.Channel);
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Sites.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    /// <summary>An address where nothing listens: a port taken and released at once.</summary>
    public static Uri ClosedAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
    }

    private static async Task CreateSitesAsync(SitesService.SitesServiceClient sites)
    {
        await sites.CreateMissionAsync(new CreateMissionRequest
        {
            MissionId = "minusma",
            RequestId = NewId(),
            Mission = new Mission
            {
                DisplayName = Text("MINUSMA", "MINUSMA"),
                HostCountryCode = "ML",
                MandateStartDate = Day(2013, 4, 25),
            },
        });
        await sites.CreateRegionAsync(new CreateRegionRequest
        {
            Parent = Minusma,
            RequestId = NewId(),
            Region = new Region
            {
                Pcode = "ML05",
                PcodeVersion = "2019",
                DisplayName = Text("Mopti", "Mopti"),
                Districts = { new District { Pcode = "ML0506", DisplayName = Text("Mopti", "Mopti") } },
            },
        });
        foreach (var id in new[] { "sevare", "bamako-hq", "douentza" })
        {
            await sites.CreateSiteAsync(new CreateSiteRequest
            {
                Parent = Minusma,
                SiteId = id,
                RequestId = NewId(),
                Site = new Site
                {
                    DisplayName = Text(id, id),
                    Kind = SiteKind.Camp,
                    Location = new SiteLocation { RegionPcode = "ML05", DistrictPcode = "ML0506", PcodeVersion = "2019" },
                    OpeningDate = Day(2013, 7, 1),
                },
            });
        }
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
