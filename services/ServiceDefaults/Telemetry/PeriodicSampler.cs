using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MissionOps.ServiceDefaults.Data;

namespace MissionOps.ServiceDefaults.Telemetry;

/// <summary>
/// Reads something from the database every half minute (or its own <see cref="Interval"/>), once it is
/// migrated, for gauges to report: a metrics scrape never waits on the database. A failed sample is
/// logged and retried.
/// </summary>
public abstract class PeriodicSampler(IServiceScopeFactory scopes, DatabaseReadiness readiness, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    /// <summary>How often it reads: every half minute, unless a reading costs enough to be taken less often.</summary>
    protected virtual TimeSpan Interval => TimeSpan.FromSeconds(30);

    protected abstract Task SampleAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>One reading, now, in a span of its own: what the timer does every <see cref="Interval"/>.</summary>
    public async Task SampleOnceAsync(CancellationToken cancellationToken)
    {
        using var activity = BackgroundWork.StartPeriodic($"{GetType().Name} reads its sample");
        await using var scope = scopes.CreateAsyncScope();
        await SampleAsync(scope.ServiceProvider, cancellationToken);
    }

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
                await SampleOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "{Sampler} could not read its sample", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
