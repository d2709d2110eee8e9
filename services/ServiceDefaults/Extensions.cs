using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MissionOps.ServiceDefaults.Errors;
using MissionOps.ServiceDefaults.Http;
using MissionOps.ServiceDefaults.Telemetry;

namespace MissionOps.ServiceDefaults;

/// <summary>What every MissionOps service shares: telemetry, health, gRPC conventions, outgoing-call resilience.</summary>
public static class Extensions
{
    public const string ReadinessTag = "ready";

    /// <summary>
    /// The gRPC health service name that answers whether the process lives, whatever its database: an orchestrator's
    /// liveness probe asks it, so that a database outage makes the service unready, never restarted.
    /// </summary>
    public const string LivenessHealthService = "liveness";

    private const string LiveTag = "live";

    /// <summary>The largest message a service accepts: 4 MiB. A larger one is refused with RESOURCE_EXHAUSTED.</summary>
    public const int MaxReceiveMessageBytes = 4 * 1024 * 1024;

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddLoadShedding();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<Security.AuthorizationInterceptor>();
            options.Interceptors.Add<Contracts.RequestTextInterceptor>();
            options.Interceptors.Add<Paging.PageTokenInterceptor>();
            // Never, in any environment: a partner reaches development and test deployments too, and
            // ErrorMappingInterceptor gives every unexpected failure a trace id to quote instead.
            options.EnableDetailedErrors = false;
            // Stated rather than left to the default, as partners size their batches by it.
            options.MaxReceiveMessageSize = MaxReceiveMessageBytes;
        }).AddJsonTranscoding(options => options.TypeRegistry = Contracts.ContractTypes.Registry);
        builder.Services.AddGrpcReflection();
        builder.Services.AddSingleton<Http.OwnGrpc>();
        builder.Services.AddSingleton<Http.SignedLinks>();
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(builder.Services, TimeProvider.System);
        builder.Services.AddSingleton<Telemetry.MissionPlanningDays>();
        builder.Services.AddGrpcHealthChecks(options =>
        {
            // The gRPC health service reports the checks that say whether the service can answer.
            options.Services.Map("", registration => registration.Tags.Contains(ReadinessTag));
            options.Services.Map(LivenessHealthService, registration => registration.Tags.Contains(LiveTag));
        });
        Contracts.Decoding.CheckedServiceMethodProvider.Replace(builder.Services);

        return builder;
    }

    /// <summary>gRPC health and reflection for every service, plus HTTP probes for orchestrators.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();

        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(ReadinessTag),
        });
        app.MapHealthChecks("/alive", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
        });

        return app;
    }
}
