extern alias apphost;

using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace MissionOps.AppHost.Tests;

/// <summary>
/// The whole system as <c>dotnet run --project MissionOps.AppHost</c> starts it, with its
/// PostgreSQL in a throw-away folder and two copies of each service, shared by the end-to-end tests.
/// </summary>
public sealed class MissionOpsSystem : IAsyncLifetime
{
    public static readonly string[] Services = ["sites", "personnel", "projects", "liquidation"];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"missionops-e2e-{Guid.NewGuid():N}");
    private readonly Dictionary<string, GrpcChannel> _channels = [];

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // With its dashboard, as people run it: the tests read what it received through its telemetry API. Its ports are
        // chosen free, not the launch profile's, so as not to meet an AppHost someone is running.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<apphost::Projects.MissionOps_AppHost>(
            [
                $"Postgres:DataDirectory={_dataDirectory}", "Postgres:Mode=local", "DcpPublisher:RandomizePorts=true",
                $"ASPNETCORE_URLS=http://localhost:{LoopbackPorts.Free()}",
                $"ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:{LoopbackPorts.Free()}",
                $"ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL=http://localhost:{LoopbackPorts.Free()}",
                "ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
                $"AppHost:DashboardApiKey={DashboardApiKey}",
                // The browser tests open its pages without signing in: a throw-away system on loopback.
                "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
                // Two copies of every service, as a cluster runs them: every end-to-end test runs against both (ReplicaTests).
                $"MissionOps:Replicas={Copies}",
            ],
            (options, _) => options.DisableDashboard = false);
        // The services' own logs stay in the dashboard; the test output keeps their warnings only.
        builder.Services.AddLogging(logging => logging.AddFilter("MissionOps.AppHost.Resources", LogLevel.Warning));
        App = await builder.BuildAsync();
        // Liquidation starts only once the others are healthy, after Personnel's demo data; on a shared two-core machine that can take minutes.
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await App.StartAsync(startup.Token);
        foreach (var service in Services)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, startup.Token);
        }

        // That waits for one copy of each: the other may still be waiting its turn at the demo data.
        await EveryCopyHealthyAsync(startup.Token);

        // The orchestrator puts the dashboard behind a port of its own: its address is the one the dashboard resource shows.
        Dashboard = App.ResourceNotifications.TryGetCurrentState("aspire-dashboard", out var dashboard)
            && dashboard.Snapshot.Urls.FirstOrDefault(u => u.Name == "http") is { } url
            ? new Uri(new Uri(url.Url).GetLeftPart(UriPartial.Authority))
            : throw new InvalidOperationException("The AppHost started no dashboard");
        Issuer = new TokenIssuer((await File.ReadAllTextAsync(Path.Combine(_dataDirectory, "signing-key"))).Trim());
        AdministratorToken = Issuer.Issue("e2e", Services.Select(TokenIssuer.AudienceOf), ["*:administrator"], TimeSpan.FromHours(1));
    }

    /// <summary>Copies of every service, as a cluster runs them.</summary>
    public const int Copies = 2;

    /// <summary>The Aspire dashboard, whose telemetry API answers to <see cref="DashboardApiKey"/>.</summary>
    public Uri Dashboard { get; private set; } = null!;

    public string DashboardApiKey { get; } = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>A token for every service, as an administrator of every mission, signed with the AppHost's development key.</summary>
    public string AdministratorToken { get; private set; } = string.Empty;

    public TokenIssuer Issuer { get; private set; } = null!;

    /// <summary>The key the AppHost made and signs development tokens with, as <c>missionops token</c> reads it.</summary>
    public string SigningKeyFile => Path.Combine(_dataDirectory, "signing-key");

    private async Task EveryCopyHealthyAsync(CancellationToken ct)
    {
        var healthy = Services.ToDictionary(s => s, _ => new HashSet<string>(StringComparer.Ordinal));
        await foreach (var e in App.ResourceNotifications.WatchAsync(ct))
        {
            if (!healthy.TryGetValue(e.Resource.Name, out var copies))
            {
                continue;
            }

            if (e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy)
            {
                copies.Add(e.ResourceId);
            }
            else
            {
                copies.Remove(e.ResourceId);
            }

            if (healthy.Values.All(c => c.Count >= Copies))
            {
                return;
            }
        }
    }

    /// <summary>What the AppHost shows of a running copy of a service (each copy is a resource of its own, <c>sites-abcdefgh</c>).</summary>
    public async Task<ResourceEvent> StateOfACopyAsync(string service)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await App.ResourceNotifications.WaitForResourceAsync(service, e => e.Snapshot.State?.Text == KnownResourceStates.Running, patience.Token);
    }

    /// <summary>A channel to a service whose calls carry the given token (none when null); the caller disposes it.</summary>
    public GrpcChannel ChannelWith(string service, string? token) =>
        GrpcChannel.ForAddress(App.GetEndpoint(service, "grpc"), new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(token) });

    public GrpcChannel Channel(string service)
    {
        if (!_channels.TryGetValue(service, out var channel))
        {
            channel = ChannelWith(service, AdministratorToken);
            _channels[service] = channel;
        }

        return channel;
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        await App.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<MissionOpsSystem>
{
    public const string Name = "The whole system through the AppHost";
}
