using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>Unhealthy until the database is migrated (and seeded where asked), so nothing is routed to a half-ready service.</summary>
public sealed class DatabaseReadiness : IHealthCheck
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ready
            ? HealthCheckResult.Healthy("Database migrated.")
            : HealthCheckResult.Unhealthy("Database migrations have not finished."));
}
