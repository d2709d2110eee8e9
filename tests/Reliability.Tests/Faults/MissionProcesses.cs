using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using MissionOps.ServiceDefaults;
using MissionOps.Testing;
using Npgsql;

namespace MissionOps.Reliability.Tests.Faults;

/// <summary>
/// The four services as a deployment runs them: each its own process (<c>dotnet</c> on the service's build output, not
/// hosted inside the tests), on loopback ports of its own, each with its database on one PostgreSQL server that
/// commits durably. The fault suite stops and kills the server and the processes; a killed service is started again on
/// the same ports, as an orchestrator restarts a container. It holds MINUSMA with Mopti's camps and a liquidation plan.
/// </summary>
public sealed class MissionProcesses : IAsyncLifetime
{
    private readonly Dictionary<string, (int Grpc, int Http)> _ports = ServiceNames.All.ToDictionary(s => s, _ => (LoopbackPorts.Free(), LoopbackPorts.Free()));
    private readonly Dictionary<string, ServiceProcess> _running = [];
    private readonly Dictionary<string, GrpcChannel> _channels = [];

    public PostgresServer Postgres { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = PostgresServer.Start(durable: true);
        try
        {
            await StartAsync();
        }
        catch
        {
            // A fixture whose set-up failed is not disposed: nothing it started may outlive it.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        foreach (var service in ServiceNames.All)
        {
            Launch(service);
        }

        await Task.WhenAll(ServiceNames.All.Select(WhenServingAsync));
        await MinusmaSites.CreateAsync(new Sites.V1.SitesService.SitesServiceClient(Calls(ServiceNames.Sites)));
        await new Liquidation.V1.LiquidationService.LiquidationServiceClient(Calls(ServiceNames.Liquidation)).UpdateLiquidationPlanAsync(new Liquidation.V1.UpdateLiquidationPlanRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            LiquidationPlan = new Liquidation.V1.LiquidationPlan
            {
                Name = $"{MinusmaSites.Mission}/liquidationPlan",
                StartDate = new Google.Type.Date { Year = 2024, Month = 1, Day = 1 },
                ApprovalThreshold = new Common.V1.Money { CurrencyCode = "USD", MinorUnits = 5_000_000 },
            },
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        foreach (var process in _running.Values)
        {
            process.Dispose();
        }

        await Postgres.DisposeAsync();
    }

    public Uri Address(string service) => LoopbackPorts.AddressOf(_ports[service].Grpc);

    /// <summary>
    /// A channel to the service with an administrator's token and no retry of its own: the suite retries as a partner
    /// would (<see cref="Retrying"/>), and counts what each refusal said.
    /// </summary>
    public CallInvoker Calls(string service)
    {
        if (!_channels.TryGetValue(service, out var channel))
        {
            channel = GrpcChannel.ForAddress(Address(service), new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(TestTokens.Administrator) });
            _channels[service] = channel;
        }

        return channel.CreateCallInvoker();
    }

    public ServiceProcess Process(string service) => _running[service];

    /// <summary>Kills the service with SIGKILL, then starts it again on its ports and waits until it answers healthy.</summary>
    public Task<TimeSpan> RestartAfterKillAsync(string service)
    {
        Kill(service);
        return StartAgainAsync(service);
    }

    /// <summary>Kills the service with SIGKILL; it stays down until <see cref="StartAgainAsync"/>.</summary>
    public void Kill(string service)
    {
        _running[service].Kill();
        _running[service].Dispose();
    }

    /// <summary>Starts a killed service again on its ports; how long it took to answer healthy.</summary>
    public async Task<TimeSpan> StartAgainAsync(string service)
    {
        var clock = Stopwatch.StartNew();
        Launch(service);
        await WhenServingAsync(service);
        return clock.Elapsed;
    }

    /// <summary>One number from the service's database, read with SQL: what the suite counts behind the API's back.</summary>
    public async Task<long> CountAsync(string service, string sql, params (string Name, object Value)[] parameters)
    {
        // Unpooled: a pooled connection would be one the last fault broke.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres.ConnectionString(DatabaseOf(service))) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What the service said, for a failing test's message.</summary>
    public string OutputOf(string service) => _running.TryGetValue(service, out var process) ? process.Output : string.Empty;

    /// <summary>
    /// Runs a test's body; when it fails, what each service said goes to the test's output beside the failure, since a
    /// fault's cause is most often in a service's log rather than in the answer the test saw.
    /// </summary>
    public async Task ExplainingFailureAsync(Xunit.Abstractions.ITestOutputHelper output, Func<Task> test)
    {
        try
        {
            await test();
        }
        catch
        {
            foreach (var service in ServiceNames.All)
            {
                output.WriteLine($"--- {service} said:\n{OutputOf(service)}");
            }

            throw;
        }
    }

    private static string DatabaseOf(string service) => $"{service}db";

    private async Task WhenServingAsync(string service)
    {
        if (await GrpcHealth.WhenServingAsync(Address(service), string.Empty, TimeSpan.FromSeconds(90)) != Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving)
        {
            throw new InvalidOperationException($"{service} did not answer healthy within 90 s. It said:\n{OutputOf(service)}");
        }
    }

    private void Launch(string service)
    {
        var project = char.ToUpperInvariant(service[0]) + service[1..];
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(Repository.Root, "services", project),
            ArgumentList = { Path.Combine(Repository.Root, "services", project, Repository.BuildOutput, $"MissionOps.{project}.dll") },
        };
        var (grpc, http) = _ports[service];
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            [$"ConnectionStrings__{DatabaseOf(service)}"] = Postgres.ConnectionString(DatabaseOf(service)),
            ["Auth__SigningKey"] = TestTokens.SigningKey,
            ["DemoData__Load"] = "false",
            ["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{grpc}",
            ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{http}",
            ["Kestrel__Endpoints__http__Protocols"] = "Http1AndHttp2",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var other in ServiceNames.All.Where(s => s != service))
        {
            settings[$"services__{other}__grpc__0"] = Address(other).ToString();
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        if (!FaultSuite.Full)
        {
            // The services compile every method once, optimised (services/Directory.Build.targets), which makes a start cost
            // 6 to 7 s on a busy machine against 4 with tiered compilation, as `dotnet run` starts them: the short form takes
            // the quick start, the figures are taken as deployed.
            start.Environment["DOTNET_TieredCompilation"] = "1";
        }
        _running[service] = new ServiceProcess(start);
    }
}
