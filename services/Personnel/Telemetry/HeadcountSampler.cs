using MissionOps.Personnel.Data;
using MissionOps.Personnel.Headcount;
using Microsoft.EntityFrameworkCore;
using MissionOps.ServiceDefaults.Data;

namespace MissionOps.Personnel.Telemetry;

/// <summary>Recounts today's headcount every half minute for the gauge, so a metrics scrape never waits on the database.</summary>
public sealed class HeadcountSampler(IServiceScopeFactory scopes, PersonnelMetrics metrics, DatabaseReadiness readiness, TimeProvider clock,
    ILogger<HeadcountSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            if (!readiness.IsReady)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
                var queries = scope.ServiceProvider.GetRequiredService<HeadcountQueries>();
                var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var lines = new List<HeadcountLine>();
                foreach (var mission in await db.Personnel.Select(p => p.MissionId).Distinct().ToListAsync(stoppingToken))
                {
                    lines.AddRange(await queries.CountAsync(mission, today, false, null, null, false, stoppingToken));
                }

                metrics.RecordHeadcount(lines);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not sample the headcount");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
