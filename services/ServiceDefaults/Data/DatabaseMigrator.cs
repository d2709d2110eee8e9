using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>
/// Applies the migrations at start-up, before the server listens, inside the execution strategy and traced:
/// the shared tables' first (<see cref="SharedTablesDbContext"/>), then the service's, on the same database,
/// each recorded in its own history table. Then runs the service's seeder (demo data) if it has one.
/// Where a deployment migrates before its rollout (<c>Database:MigrateOnStart</c> false, the service run with
/// <see cref="DatabaseMigrationCommand.Name"/>), it only waits until the schema is there.
/// </summary>
public sealed class DatabaseMigrator<TContext>(
    IServiceProvider services,
    DatabaseReadiness readiness,
    IConfiguration configuration,
    ILogger<DatabaseMigrator<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = DatabaseMigrator.ActivitySource.StartActivity($"Migrate {typeof(TContext).Name}", ActivityKind.Client);
        try
        {
            if (await MigrateAndSeedAsync(cancellationToken))
            {
                // Loading demo data is a burst of allocation before the first call; as nothing allocates after it to make
                // the collector run, the service would otherwise hold that garbage until its first calls.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
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

    /// <summary>Whether a seeder ran; its scope, and whatever its context tracked, is gone when this returns.</summary>
    private async Task<bool> MigrateAndSeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var shared = scope.ServiceProvider.GetRequiredService<SharedTablesDbContext>();
        if (configuration.GetValue(DatabaseMigrator.MigrateOnStartKey, true))
        {
            await DatabaseMigrator.MigrateAsync(shared, db, cancellationToken);
        }
        else
        {
            await DatabaseMigrator.WaitForSchemaAsync(shared, db, logger, cancellationToken);
        }

        var seeders = scope.ServiceProvider.GetServices<IDatabaseSeeder<TContext>>().ToList();
        if (seeders.Count == 0)
        {
            return false;
        }

        // Replicas start together and would load the same demo side by side: they take turns, and the later ones find it loaded.
        await using (await SessionLock.TakeAsync(db.Database.GetConnectionString()!, $"missionops.seed.{typeof(TContext).Name}", cancellationToken))
        {
            foreach (var seeder in seeders)
            {
                await seeder.SeedAsync(db, cancellationToken);
            }
        }

        return true;
    }
}

public static class DatabaseMigrator
{
    public static readonly ActivitySource ActivitySource = new("MissionOps.Migrations");

    public const string MigrateOnStartKey = "Database:MigrateOnStart";

    private static readonly TimeSpan SchemaPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Brings a service's database up to date: the shared tables, then the service's own, which may refer to them.
    /// A transient failure retries both; what is already applied is not applied again.
    /// </summary>
    /// <returns>How many of the service's own migrations this call applied.</returns>
    public static Task<int> MigrateAsync(SharedTablesDbContext shared, DbContext service, CancellationToken ct) =>
        TransientRetries.For(service).ExecuteAsync(async token =>
        {
            // EF Core finds a missing database, and then a missing history table, by the errors it logs trying them:
            // on a first start they are expected, so they are made here first, quietly.
            var connectionString = service.Database.GetConnectionString()!;
            await CreateDatabaseIfMissingAsync(connectionString, token);
            // Replicas starting together take turns: the later ones find nothing left to apply.
            await using var turn = await SessionLock.TakeAsync(connectionString, "missionops.migrate", token);
            var applied = 0;
            foreach (var context in new[] { shared, service })
            {
                await context.GetService<IHistoryRepository>().CreateIfNotExistsAsync(token);
                applied = (await context.Database.GetPendingMigrationsAsync(token)).Count();
                await context.Database.MigrateAsync(token);
            }

            return applied;
        }, ct);

    /// <summary>
    /// Returns once nothing is left to apply to either context, asking again every few seconds: a service started beside
    /// its migration job (or before the database answers) stays unready meanwhile and says what it waits for, once.
    /// </summary>
    public static async Task WaitForSchemaAsync(SharedTablesDbContext shared, DbContext service, ILogger logger, CancellationToken ct)
    {
        var told = false;
        while (true)
        {
            string? waitingFor;
            try
            {
                var pending = (await shared.Database.GetPendingMigrationsAsync(ct))
                    .Concat(await service.Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count == 0)
                {
                    return;
                }

                waitingFor = $"{pending.Count} migrations not yet applied, the last {pending[^1]}";
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException { InnerException: NpgsqlException })
            {
                waitingFor = $"the database, which does not answer ({e.Message})";
            }

            if (!told)
            {
                logger.LogInformation("Waiting for the migration job: {WaitingFor}", waitingFor);
                told = true;
            }

            await Task.Delay(SchemaPollInterval, ct);
        }
    }

    /// <summary>
    /// Asked of the server's maintenance database, not by connecting to the one that may be missing: PostgreSQL logs a
    /// refused connection as FATAL, which the dashboard shows in red on a first start where nothing is wrong.
    /// </summary>
    private static async Task CreateDatabaseIfMissingAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var server = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (PostgresException)
        {
            // No maintenance database for this user (a managed server): its databases are made by whoever runs it.
            return;
        }

        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = target.Database } },
        };
        if (await exists.ExecuteScalarAsync(ct) is true)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException taken) when (taken.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica made it first; at the same instant, PostgreSQL says so by its catalogue's unique index.
        }
    }
}
