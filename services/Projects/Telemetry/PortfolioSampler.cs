using MissionOps.ServiceDefaults.Telemetry;

namespace MissionOps.Projects.Telemetry;

/// <summary>Re-reads the portfolio for the projects gauges.</summary>
public sealed class PortfolioSampler(IServiceScopeFactory scopes, ProjectsMetrics metrics, DatabaseReadiness readiness, TimeProvider clock,
    ILogger<PortfolioSampler> logger) : PeriodicSampler(scopes, readiness, clock, logger)
{
    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ProjectsDbContext>();
        metrics.RecordPortfolio(await db.Projects.AsNoTracking().ToListAsync(cancellationToken));
    }
}
