using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MissionOps.ServiceDefaults.Data;
using Npgsql;
using Respawn;

namespace MissionOps.Testing;

/// <summary>
/// Runs a service for real: Kestrel on a loopback port speaking h2c, its own database on the
/// test PostgreSQL server, migrated by the service itself at start-up. Tests call it over a
/// real gRPC channel, and <see cref="ResetDatabaseAsync"/> empties its tables between tests.
/// </summary>
public class GrpcServiceFactory<TProgram>(PostgresServer postgres, string connectionName, string database)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly Dictionary<string, string> _settings = [];
    private Respawner? _respawner;
    private GrpcChannel? _channel;
    private RequestCapture? _capture;

    public string DatabaseConnectionString => postgres.ConnectionString(database);

    public Uri Address { get; private set; } = null!;

    /// <summary>A channel whose calls carry an administrator's token for every mission.</summary>
    public GrpcChannel Channel => _channel ??=
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = Capture });

    /// <summary>Takes, when armed, the next call made through <see cref="Channel"/> instead of sending it.</summary>
    public RequestCapture Capture => _capture ??= new RequestCapture(new BearerTokenHandler(TestTokens.Administrator));

    /// <summary>A channel whose calls carry this token (none when null); dispose it after use.</summary>
    public GrpcChannel ChannelWith(string? token) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(token) });

    /// <summary>A configuration value for the service, such as where another service answers; set before <see cref="Start"/>.</summary>
    public GrpcServiceFactory<TProgram> WithSetting(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Where the service finds another MissionOps service (what the AppHost sets as <c>services:{service}:grpc:0</c>).</summary>
    public GrpcServiceFactory<TProgram> WithService(string service, Uri address) => WithSetting($"services:{service}:grpc:0", address.ToString());

    /// <summary>The service's HTTP/1.1 and HTTP/2 endpoint: HTTP/JSON, the API documentation, files by URL.</summary>
    public Uri HttpAddress { get; private set; } = null!;

    /// <summary>A plain HTTP/1.1 client of <see cref="HttpAddress"/>, as curl or a spreadsheet calls it, with this token (none when null).</summary>
    public HttpClient HttpClientWith(string? token)
    {
        var http = new HttpClient { BaseAddress = HttpAddress, DefaultRequestVersion = System.Net.HttpVersion.Version11 };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    public void Start(int port = 0)
    {
        var httpPort = LoopbackPorts.Free();
        UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
            options.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
        });
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Select(a => new Uri(a)).ToList();
        HttpAddress = addresses.Single(a => a.Port == httpPort);
        Address = addresses.Single(a => a.Port != httpPort);
    }

    public async Task ResetDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            // The Data Protection key ring lives on across tests, as it does across a service's restarts.
            TablesToIgnore = ["__EFMigrationsHistory", SharedTablesDbContext.MigrationsHistoryTable, "data_protection_keys"],
        });
        // The service's background work (a feed follower) may hold the tables the reset empties; PostgreSQL then
        // breaks the deadlock by failing one side, and when it is the reset, emptying again is all it takes.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _respawner.ResetAsync(connection);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{connectionName}", DatabaseConnectionString);
        builder.UseSetting("DemoData:Load", "false");
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // The services' request and SQL logs would drown the test output; warnings still show.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
    }
}
