using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MissionOps.ServiceDefaults.Telemetry;

public static class OpenTelemetryExtensions
{
    /// <summary>Every MissionOps meter and activity source starts with this prefix.</summary>
    public const string SourcePrefix = "MissionOps.";

    /// <summary>One periodic reading in ten is traced: a sampler's trace every five minutes, not every thirty seconds.</summary>
    public const double DefaultPeriodicSampleRatio = 0.1;

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(SourcePrefix + "*"))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new BackgroundWorkSampler(
                    builder.Configuration.GetValue("Telemetry:PeriodicSampleRatio", DefaultPeriodicSampleRatio))))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(SourcePrefix + "*")
                .AddAspNetCoreInstrumentation(options =>
                    // Orchestrator probes would drown the traces people look for.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments("/health")
                        && !context.Request.Path.StartsWithSegments("/alive")
                        && !context.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        // Exported only when an OTLP endpoint is configured (the AppHost sets it for the dashboard).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }
}
