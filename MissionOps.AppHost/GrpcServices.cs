using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using MissionOps.ServiceDefaults.Security;

namespace MissionOps.AppHost;

/// <summary>
/// How every MissionOps service is wired: a fixed h2c gRPC port, and beside it a fixed HTTP/1.1 and HTTP/2 port for
/// HTTP/JSON and the files partners fetch by URL (gRPC port + 100); its database; a gRPC health check.
/// </summary>
public static class GrpcServices
{
    public const string Endpoint = "grpc";

    public const string HttpEndpoint = "http";

    public const string PrintViewerTokenCommand = "print-viewer-token";

    /// <summary>How many copies of each service run (1 unless set).</summary>
    public const string ReplicasKey = "MissionOps:Replicas";

    private static readonly TimeSpan ViewerTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>Each service's interactive API page on its HTTP endpoint (ApiDocsEndpoints.DocsRoute in ServiceDefaults).</summary>
    public const string DocsPath = "/docs";

    public static IResourceBuilder<ProjectResource> AddGrpcService<TProject>(
        this IDistributedApplicationBuilder builder, string name, int port, IResourceBuilder<ParameterResource> signingKey)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithHttpEndpoint(port: port, name: Endpoint)
            .WithHttpEndpoint(port: port + 100, name: HttpEndpoint)
            .WithEnvironment("DemoData__Load", builder.Environment.EnvironmentName == "Development" ? "true" : "false")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("Auth__SigningKey", signingKey)
            // Collect gen 0 every 4 MB allocated, not every 16 MB (the default from this machine's 32 MB cache): 18 MB less
            // working set in Personnel after the load, calls per second unchanged. Read from the environment only.
            .WithEnvironment("DOTNET_GCgen0size", "0x400000")
            // Idle thread pool workers park at once instead of spinning for work first: at rest the spinning was two fifths of
            // each service's managed CPU (a dotnet-trace of Personnel and Liquidation, docs/benchmarks.md, idle).
            .WithEnvironment("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0")
            .WithOtlpExporter()
            // After the exporter, whose development defaults it overrides.
            .WithLeanRuntime();

        service.WithMinusmaReplay(builder);

        // Several copies of each service side by side, as a cluster runs them (deploy/kubernetes): behind one address each,
        // sharing the service's database. 'dotnet run --project MissionOps.AppHost -- MissionOps:Replicas=2'.
        if (builder.Configuration.GetValue(ReplicasKey, 1) is > 1 and var replicas)
        {
            service.WithReplicas(replicas);
        }

        // Each endpoint its protocols: gRPC without TLS needs HTTP/2 alone; browsers and curl speak HTTP/1.1.
        foreach (var (endpoint, protocols) in new[] { (Endpoint, "Http2"), (HttpEndpoint, "Http1AndHttp2") })
        {
            var target = service.GetEndpoint(endpoint).Property(EndpointProperty.TargetPort);
            service.WithEnvironment($"Kestrel__Endpoints__{endpoint}__Url", ReferenceExpression.Create($"http://localhost:{target}"))
                .WithEnvironment($"Kestrel__Endpoints__{endpoint}__Protocols", protocols);
        }

        service.WithUrlForEndpoint(Endpoint, url => url.DisplayText = "gRPC (h2c)")
            .WithUrlForEndpoint(HttpEndpoint, url => url.DisplayText = "HTTP/JSON")
            .WithUrlForEndpoint(HttpEndpoint, _ => new ResourceUrlAnnotation { Url = DocsPath, DisplayText = "API docs" });

        // What a newcomer needs to call the service from the dashboard: a token to paste into buf curl or the API page.
        service.WithCommand(PrintViewerTokenCommand, "Print a viewer token", async context =>
        {
            var token = await ViewerTokenAsync(signingKey, [name], ViewerTokenLifetime, context.CancellationToken);
            context.Logger.LogInformation("A viewer token for {Service}, every mission, valid {Hours} hours: {Token}", name, ViewerTokenLifetime.TotalHours, token);
            return CommandResults.Success($"A viewer token for {name}, every mission, valid {ViewerTokenLifetime.TotalHours} hours", token,
                CommandResultFormat.Text);
        }, new CommandOptions
        {
            Description = "A development token with the viewer role in every mission, for this service, sent as 'authorization: Bearer <token>'.",
            IconName = "Key",
        });

        var key = $"{name}-grpc-health";
        // One channel for the AppHost's life: checks come every few seconds, and a channel per check was a new connection
        // and an HTTP/2 handshake each time (docs/benchmarks.md, idle). A restarted service is reconnected.
        GrpcChannel? channel = null;
        builder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            try
            {
                channel ??= GrpcChannel.ForAddress(service.GetEndpoint(Endpoint).Url, new GrpcChannelOptions
                {
                    // A service that is starting is tried again at the next check, not minutes later.
                    InitialReconnectBackoff = TimeSpan.FromSeconds(1),
                    MaxReconnectBackoff = TimeSpan.FromSeconds(2),
                });
                var reply = await new Health.HealthClient(channel).CheckAsync(
                    new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: cancellationToken);
                return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"{name} reports {reply.Status}.");
            }
            catch (Exception exception) when (exception is Grpc.Core.RpcException or InvalidOperationException or HttpRequestException)
            {
                return HealthCheckResult.Unhealthy($"{name} does not answer gRPC health checks yet.", exception);
            }
        });

        return service.WithHealthCheck(key);
    }

    /// <summary>What every .NET process of the system shares, the services and the board: few malloc arenas, metrics every 5 s.</summary>
    public static IResourceBuilder<ProjectResource> WithLeanRuntime(this IResourceBuilder<ProjectResource> resource) => resource
        // Two malloc arenas, not eight per core: the runtime's native allocations are few and not contended (decision 0023).
        .WithEnvironment("MALLOC_ARENA_MAX", "2")
        // Aspire exports metrics every second in development; every 5 s still draws live charts, and an idle system
        // stops costing the dashboard and the services a few percent of a core (docs/benchmarks.md, idle).
        .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "5000");

    /// <summary>
    /// In development, the demo's MINUSMA replayed: its planning day runs from the mandate's end being voted to a month into
    /// its liquidation, eight days a minute, and starts again, so the dashboard and the board draw its drawdown.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMinusmaReplay(this IResourceBuilder<ProjectResource> resource, IDistributedApplicationBuilder builder) =>
        builder.Environment.EnvironmentName != "Development"
            ? resource
            : resource.WithEnvironment("Missions__minusma__PlanningDay__From", "2023-06-30")
                .WithEnvironment("Missions__minusma__PlanningDay__To", "2024-01-31")
                .WithEnvironment("Missions__minusma__PlanningDay__DaysPerMinute", "8");

    /// <summary>A development token of the dashboard's viewer, in every mission, for the services named: what the dashboard's commands hold.</summary>
    public static async Task<string> ViewerTokenAsync(IResourceBuilder<ParameterResource> signingKey, string[] services, TimeSpan lifetime,
        CancellationToken cancellationToken) =>
        new TokenIssuer((await signingKey.Resource.GetValueAsync(cancellationToken))!)
            .Issue("dashboard-viewer", services.Select(TokenIssuer.AudienceOf), [$"{MissionRoles.AnyMission}:{MissionRoles.Viewer}"], lifetime);

    /// <summary>Gives a service its database, and starts it only once the server is up.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> service, Postgres.MissionDatabases databases, string databaseName) =>
        service.WithReference(databases.AddDatabase(service, databaseName), databaseName).WaitFor(databases.Server);
}
