using MissionOps.Personnel.Headcount;
using MissionOps.ServiceDefaults.Telemetry;
using MovementState = MissionOps.Personnel.V1.MovementState;

namespace MissionOps.Personnel.Telemetry;

/// <summary>
/// Reads each mission as of its planning day for the gauges: its headcount, the drawdown target in force for each component
/// (the one whose deadline comes next), and its movements not yet done.
/// </summary>
public sealed class HeadcountSampler(IServiceScopeFactory scopes, PersonnelMetrics metrics, MissionPlanningDays planningDays,
    DatabaseReadiness readiness, TimeProvider clock, ILogger<HeadcountSampler> logger) : PeriodicSampler(scopes, readiness, clock, logger)
{
    private static readonly MovementState[] Open = [MovementState.Planned, MovementState.InTransit, MovementState.Held];

    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PersonnelDbContext>();
        var queries = services.GetRequiredService<HeadcountQueries>();
        var open = (await db.Movements.Where(m => Open.Contains(m.State))
                .GroupBy(m => new { m.MissionId, m.State })
                .Select(g => new { g.Key.MissionId, g.Key.State, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.MissionId, m => (m.State, m.Count));
        var targets = (await db.DrawdownTargets.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(t => t.MissionId);
        var samples = new List<MissionSample>();
        foreach (var mission in await db.Personnel.Select(p => p.MissionId).Distinct().ToListAsync(cancellationToken))
        {
            var day = planningDays.Of(mission);
            var headcount = await queries.CountAsync(mission, day, false, null, null, false, cancellationToken);
            var inForce = targets[mission].Where(t => t.Deadline >= day)
                .GroupBy(t => t.Component)
                .Select(g => g.MinBy(t => t.Deadline)!)
                .ToList();
            samples.Add(new MissionSample(mission, headcount, inForce, open[mission].ToList()));
        }

        metrics.Record(samples);
    }
}
