using Npgsql;

namespace MissionOps.Benchmarks;

/// <summary>
/// The connections to each service's database on the AppHost's PostgreSQL, from pg_stat_activity, idle ones included:
/// a pool that leaks grows here. Read over one connection of its own, to the <c>postgres</c> database, so not counted.
/// </summary>
public sealed class DatabaseConnections(NpgsqlConnection connection) : IDisposable
{
    public static DatabaseConnections Open(AppHostProcess system)
    {
        var connection = new NpgsqlConnection(system.PostgresConnectionString());
        connection.Open();
        return new DatabaseConnections(connection);
    }

    /// <summary>By service: the AppHost names each one's database after it (<c>sitesdb</c>, ...).</summary>
    public IReadOnlyDictionary<string, int> Count()
    {
        var counts = AppHostProcess.Services.ToDictionary(s => s.Name, _ => 0);
        lock (connection)
        {
            using var command = new NpgsqlCommand("SELECT datname, count(*)::int FROM pg_stat_activity WHERE datname LIKE '%db' GROUP BY datname", connection);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var service = reader.GetString(0)[..^2];
                if (counts.ContainsKey(service))
                {
                    counts[service] = reader.GetInt32(1);
                }
            }
        }

        return counts;
    }

    public void Dispose() => connection.Dispose();
}
