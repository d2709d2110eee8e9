using Npgsql;

namespace MissionOps.ServiceDefaults.Data;

/// <summary>
/// A PostgreSQL advisory lock held by a connection of its own until it is disposed: how replicas of a service take turns
/// at work that spans many transactions (loading the demo at start-up), where <see cref="TransactionLock"/> cannot.
/// </summary>
public static class SessionLock
{
    public static async Task<IAsyncDisposable> TakeAsync(string connectionString, string key, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            // No command timeout: the replica before may take minutes (the demo on a busy machine); giving up after
            // Npgsql's 30 s crashed the waiting replica at start-up. The caller's token still ends the wait.
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext($1))", connection)
            {
                Parameters = { new NpgsqlParameter { Value = key } },
                CommandTimeout = 0,
            };
            await take.ExecuteNonQueryAsync(ct);
            // Closing the session releases the lock.
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
