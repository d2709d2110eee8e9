using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>
/// Applies the service's migrations at start-up, before the server listens, inside the execution
/// strategy and traced, then runs the service's seeder (demo data) if it has one.
/// </summary>
public sealed class DatabaseMigrator<TContext>(
    IServiceProvider services,
    DatabaseReadiness readiness,
    ILogger<DatabaseMigrator<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public static readonly ActivitySource ActivitySource = new("MissionOps.Migrations");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity($"Migrate {typeof(TContext).Name}", ActivityKind.Client);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(ct => db.Database.MigrateAsync(ct), cancellationToken);

            foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder<TContext>>())
            {
                await seeder.SeedAsync(db, cancellationToken);
            }

            readiness.MarkReady();
            logger.LogInformation("{Context} is migrated and ready", typeof(TContext).Name);
        }
        catch (Exception exception)
        {
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
