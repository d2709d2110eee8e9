using Microsoft.Extensions.Logging;
using Npgsql;

namespace MissionOps.AppHost.Postgres;

/// <summary>
/// What the dashboard shows of a service's database on the local server, which no orchestrator runs: waiting while the
/// server starts, "Not created" until its service's first migration creates it, then running; stopped with the server.
/// Asked of PostgreSQL only when the server or a service changes state, so an idle system asks nothing.
/// </summary>
public static class LocalDatabaseStates
{
    public const string NotCreated = "Not created";

    public static IResourceBuilder<LocalPostgresDatabaseResource> WithStateFromServer(this IResourceBuilder<LocalPostgresDatabaseResource> database) =>
        database.WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgreSQL database",
                State = KnownResourceStates.Waiting,
                Properties = [new("postgres.database", database.Resource.Name)],
                IconName = "Database",
            })
            .OnInitializeResource((resource, e, ct) =>
            {
                // The event waits for its handlers; the database follows its server for the AppHost's life.
                _ = Task.Run(() => FollowAsync(resource, e.Notifications, e.Logger, ct), CancellationToken.None);
                return Task.CompletedTask;
            });

    private static async Task FollowAsync(LocalPostgresDatabaseResource database, ResourceNotificationService notifications, ILogger logger,
        CancellationToken cancellationToken)
    {
        string? shown = null;
        try
        {
            await foreach (var change in notifications.WatchAsync(cancellationToken))
            {
                if (change.Resource != database.Parent && change.Resource is not ProjectResource)
                {
                    continue;
                }

                if (!notifications.TryGetCurrentState(database.Parent.Name, out var server))
                {
                    continue;
                }

                var state = server.Snapshot.State?.Text;
                var next = state is not null && KnownResourceStates.TerminalStates.Contains(state) ? state
                    : state != KnownResourceStates.Running || server.Snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                        ? KnownResourceStates.Waiting
                    : shown == KnownResourceStates.Running || await ExistsAsync(database, cancellationToken) ? KnownResourceStates.Running
                    : NotCreated;
                if (next == shown)
                {
                    continue;
                }

                shown = next;
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                {
                    State = new ResourceStateSnapshot(next, next == KnownResourceStates.Running ? KnownResourceStateStyles.Success
                        : next == NotCreated ? KnownResourceStateStyles.Info : null),
                    StartTimeStamp = next == KnownResourceStates.Running ? snapshot.StartTimeStamp ?? DateTime.UtcNow : snapshot.StartTimeStamp,
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(e, "The state of {Database} is no longer followed", database.Name);
        }
    }

    private static async Task<bool> ExistsAsync(LocalPostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        var connectionString = await database.Parent.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres;Timeout=3;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database.Name });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
