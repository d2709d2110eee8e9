using Npgsql;

namespace MissionOps.AppHost.Postgres;

/// <summary>
/// What the dashboard shows of a service's database on the local server, which no orchestrator runs: waiting while the
/// server starts, "Not created" until its service's first migration creates it, then running; exited with the server.
/// Asked of PostgreSQL when the server or the owning service becomes ready, never by polling: an idle system asks nothing.
/// </summary>
public static class LocalDatabaseStates
{
    public const string NotCreated = "Not created";

    public static CustomResourceSnapshot Initial(string name) => new()
    {
        ResourceType = "PostgreSQL database",
        State = KnownResourceStates.Waiting,
        Properties = [new("postgres.database", name)],
        IconName = "Database",
    };

    /// <summary>Shows whether the database exists now: running, not created yet, or waiting while the server does not answer.</summary>
    public static async Task ShowAsync(LocalPostgresDatabaseResource database, ResourceNotificationService notifications, CancellationToken cancellationToken) =>
        await ShowAsync(database, notifications, await ExistsAsync(database, cancellationToken) switch
        {
            true => KnownResourceStates.Running,
            false => NotCreated,
            null => KnownResourceStates.Waiting,
        });

    public static Task ShowAsync(LocalPostgresDatabaseResource database, ResourceNotificationService notifications, string state) =>
        notifications.PublishUpdateAsync(database, snapshot => snapshot with
        {
            State = new ResourceStateSnapshot(state, state == KnownResourceStates.Running ? KnownResourceStateStyles.Success
                : state == NotCreated ? KnownResourceStateStyles.Info : null),
            StartTimeStamp = state == KnownResourceStates.Running ? DateTime.UtcNow : snapshot.StartTimeStamp,
        });

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
