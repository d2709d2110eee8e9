using MissionOps.ServiceDefaults.Data;
using MissionOps.ServiceDefaults.Telemetry;

namespace MissionOps.Sites.Telemetry;

/// <summary>Counts every mission's sites by state and drawdown phase for the gauge.</summary>
public sealed class SitesSampler(IServiceScopeFactory scopes, SitesMetrics metrics, DatabaseReadiness readiness, TimeProvider clock,
    ILogger<SitesSampler> logger) : PeriodicSampler(scopes, readiness, clock, logger)
{
    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SitesDbContext>();
        var counts = await db.Sites.GroupBy(s => new { s.MissionId, s.State, s.DrawdownPhaseId })
            .Select(g => new SiteCount(g.Key.MissionId, g.Key.State, g.Key.DrawdownPhaseId, g.Count()))
            .ToListAsync(cancellationToken);
        metrics.Record(counts);
    }
}
