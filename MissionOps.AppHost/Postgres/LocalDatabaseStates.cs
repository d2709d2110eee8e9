using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MissionOps.AppHost.Postgres;

/// <summary>
/// What the dashboard shows of a service's database on the local server, which no orchestrator runs: waiting while the
/// server starts, "Not created" until its service's first migration creates it, then running; stopped with the server.
/// Asked of PostgreSQL only when the server or a service changes state or health, so an idle system asks nothing.
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
        var seen = new Dictionary<string, (string? State, HealthStatus? Health)>();
        try
        {
            await foreach (var change in notifications.WatchAsync(cancellationToken))
            {
                // A service's migration creates its database, and a demo reset drops it: asked again as the server or a service
                // changes state or health, not at every health check.
                var now = (change.Snapshot.State?.Text, change.Snapshot.HealthStatus);
                if ((change.Resource != database.Parent && change.Resource is not ProjectResource)
                    || (seen.TryGetValue(change.ResourceId, out var before) && before == now))
                {
                    continue;
                }

                seen[change.ResourceId] = now;
                if (!notifications.TryGetCurrentState(database.Parent.Name, out var server))
                {
                    continue;
                }

                var state = server.Snapshot.State?.Text;
                var next = state is not null && KnownResourceStates.TerminalStates.Contains(state) ? state
                    : state != KnownResourceStates.Running || server.Snapshot.HealthStatus != HealthStatus.Healthy ? KnownResourceStates.Waiting
                    : await ExistsAsync(database, cancellationToken) switch
                    {
                        true => KnownResourceStates.Running,
                        false => NotCreated,
                        null => KnownResourceStates.Waiting,
                    };
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
        catch (InvalidOperationException e)
        {
            logger.LogWarning(e, "The state of {Database} is no longer followed", database.Name);
        }
    }

    /// <summary>Whether the database exists; unknown while the server does not answer.</summary>
    private static async Task<bool?> ExistsAsync(LocalPostgresDatabaseResource database, CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = await database.Parent.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await using var connection = new NpgsqlConnection(connectionString + ";Database=postgres;Timeout=3;Pooling=false");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = database.Name });
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return null;
        }
    }
}
