using MissionOps.Personnel.Headcount;
using MissionOps.ServiceDefaults.Telemetry;

namespace MissionOps.Personnel.Telemetry;

/// <summary>Recounts today's headcount of every mission for the headcount gauge.</summary>
public sealed class HeadcountSampler(IServiceScopeFactory scopes, PersonnelMetrics metrics, DatabaseReadiness readiness, TimeProvider clock,
    ILogger<HeadcountSampler> logger) : PeriodicSampler(scopes, readiness, clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override async Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PersonnelDbContext>();
        var queries = services.GetRequiredService<HeadcountQueries>();
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var lines = new List<HeadcountLine>();
        foreach (var mission in await db.Personnel.Select(p => p.MissionId).Distinct().ToListAsync(cancellationToken))
        {
            lines.AddRange(await queries.CountAsync(mission, today, false, null, null, false, cancellationToken));
        }

        metrics.RecordHeadcount(lines);
    }
}
