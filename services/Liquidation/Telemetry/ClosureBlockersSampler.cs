using MissionOps.Liquidation.Readiness;
using MissionOps.ServiceDefaults.Telemetry;

namespace MissionOps.Liquidation.Telemetry;

/// <summary>
/// Each liquidating mission's closure readiness on its planning day, for the gauge of blockers outstanding: Sites, Personnel and
/// Projects asked as <c>GetClosureReadiness</c> asks them, three calls a mission every five minutes: a reading of the demo's
/// MINUSMA costs the system about half a percent of a core over the minute it falls in, and blockers are cleared over days
/// (docs/benchmarks.md, idle).
/// </summary>
public sealed class ClosureBlockersSampler(IServiceScopeFactory scopes, LiquidationMetrics metrics, MissionPlanningDays planningDays,
    DatabaseReadiness readiness, TimeProvider clock, ILogger<ClosureBlockersSampler> logger) : PeriodicSampler(scopes, readiness, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var missions = await services.GetRequiredService<LiquidationDbContext>().Plans.AsNoTracking().Select(p => p.MissionId).ToListAsync(cancellationToken);
        var report = services.GetRequiredService<ReadinessReport>();
        var found = new List<(string, V1.ClosureReadiness)>();
        foreach (var mission in missions)
        {
            found.Add((mission, await report.BuildAsync(mission, planningDays.Of(mission), cancellationToken)));
        }

        metrics.RecordBlockers(found);
    }
}
