using MissionOps.ServiceDefaults.Telemetry;
using AssetState = MissionOps.Liquidation.V1.AssetState;

namespace MissionOps.Liquidation.Telemetry;

/// <summary>Re-reads the assets not yet disposed of, and how far each mission's liquidation is on its planning day, for the gauges.</summary>
public sealed class AwaitingDisposalSampler(IServiceScopeFactory scopes, LiquidationMetrics metrics, MissionPlanningDays planningDays,
    DatabaseReadiness readiness, TimeProvider clock, ILogger<AwaitingDisposalSampler> logger) : PeriodicSampler(scopes, readiness, clock, logger)
{
    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LiquidationDbContext>();
        metrics.RecordAwaiting(await db.Assets.AsNoTracking().Where(a => a.State != AssetState.Disposed).ToListAsync(cancellationToken));
        var plans = await db.Plans.AsNoTracking().Select(p => new { p.MissionId, p.StartDate }).ToListAsync(cancellationToken);
        metrics.RecordElapsed(plans.Select(p => (p.MissionId, Days: planningDays.Of(p.MissionId).DayNumber - p.StartDate.DayNumber))
            .Where(p => p.Days >= 0).ToList());
    }
}
