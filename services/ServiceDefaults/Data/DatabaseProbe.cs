using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>
/// The database's health as last probed: a health check answers from it without touching the database, and a
/// background loop refreshes it every <c>Health:DatabaseProbePeriod</c> (15 s unless set) once the database is migrated.
/// Until the first probe the answer is the migrations' own round trip.
/// </summary>
public sealed class DatabaseProbe<TContext>(IServiceScopeFactory scopes, DatabaseReadiness readiness, IConfiguration configuration,
    TimeProvider clock, ILogger<DatabaseProbe<TContext>> logger) : BackgroundService, IHealthCheck
    where TContext : DbContext
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private volatile Task<HealthCheckResult> _last = Task.FromResult(HealthCheckResult.Healthy("Reached by the migrations; not probed since."));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => _last;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue(DatabaseProbe.PeriodSetting, DefaultPeriod), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (readiness.IsReady)
            {
                _last = Task.FromResult(await ProbeAsync(stoppingToken));
            }
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(Timeout);
        // Twice: the first attempt may take a pooled connection PostgreSQL has since closed, which is no outage.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TContext>().Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
                return HealthCheckResult.Healthy("Database answered.");
            }
            catch (Exception exception) when (attempt == 1 && !timeout.IsCancellationRequested)
            {
                logger.LogDebug(exception, "The database probe's first attempt failed");
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The database did not answer its probe");
                return HealthCheckResult.Unhealthy("Database did not answer.", exception);
            }
        }
    }
}

public static class DatabaseProbe
{
    public const string PeriodSetting = "Health:DatabaseProbePeriod";
}
