using MissionOps.ServiceDefaults.Telemetry;
using AssetState = MissionOps.Liquidation.V1.AssetState;

namespace MissionOps.Liquidation.Telemetry;

/// <summary>Re-reads the assets not yet disposed of for the liquidation gauges.</summary>
public sealed class AwaitingDisposalSampler(IServiceScopeFactory scopes, LiquidationMetrics metrics, DatabaseReadiness readiness, TimeProvider clock,
    ILogger<AwaitingDisposalSampler> logger) : PeriodicSampler(scopes, readiness, clock, logger)
{
    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<LiquidationDbContext>();
        metrics.RecordAwaiting(await db.Assets.AsNoTracking().Where(a => a.State != AssetState.Disposed).ToListAsync(cancellationToken));
    }
}
