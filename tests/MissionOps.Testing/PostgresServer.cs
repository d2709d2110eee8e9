using MissionOps.AppHost.Postgres;
using Npgsql;

namespace MissionOps.Testing;

/// <summary>
/// A real PostgreSQL server for one test run: a throw-away cluster in a temp folder on a free
/// loopback port, started from the machine's binaries (about a second) and removed at the end.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly PostgresInstallation _installation;
    private readonly string _root;
    private readonly string _dataDirectory;

    private PostgresServer(PostgresInstallation installation, string root, int port)
    {
        _installation = installation;
        _root = root;
        _dataDirectory = Path.Combine(root, "data");
        Port = port;
    }

    public int Port { get; }

    public static PostgresServer Start()
    {
        var installation = PostgresInstallation.Find() ?? throw new InvalidOperationException(
            "The tests need PostgreSQL server binaries: 'apt-get install -y postgresql', or set MISSIONOPS_PG_BIN.");
        var root = Path.Combine(Path.GetTempPath(), $"missionops-test-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        PostgresInstallation.GiveToPostgres(root);
        var server = new PostgresServer(installation, root, LoopbackPorts.Free());
        installation.EnsureCluster(server._dataDirectory, password: null);
        installation.Run("pg_ctl", "-D", server._dataDirectory, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {server.Port} -h 127.0.0.1 -k '' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start");
        return server;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = true,
        }.ConnectionString;

    public ValueTask DisposeAsync()
    {
        try
        {
            _installation.Run("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
