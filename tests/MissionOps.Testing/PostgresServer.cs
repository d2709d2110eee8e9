using System.Collections.Concurrent;
using MissionOps.AppHost.Postgres;
using Npgsql;

namespace MissionOps.Testing;

/// <summary>
/// A real PostgreSQL server for one test run: a throw-away cluster in a temp folder on a free
/// loopback port, started from the machine's binaries (about a second) and removed at the end.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    // pg_ctl detaches the server from the test run, and xUnit disposes no fixture whose set-up threw. What still runs as
    // the test process ends is told to shut down then, without waiting: the test runner kills its process soon after.
    private static readonly ConcurrentDictionary<PostgresServer, byte> Running = new();

    static PostgresServer() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var server in Running.Keys)
        {
            server.Abandon();
        }
    };

    private readonly PostgresInstallation _installation;
    private readonly string _root;
    private readonly string _dataDirectory;
    private readonly string _options;

    private PostgresServer(PostgresInstallation installation, string root, int port, bool durable)
    {
        _installation = installation;
        _root = root;
        _dataDirectory = Path.Combine(root, "data");
        Port = port;
        // Tests that do not stop the server trade durability for speed; a server the tests kill keeps every commit it acknowledged, as in production.
        _options = $"-p {port} -h 127.0.0.1 -k '' -c max_connections=200" + (durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
    }

    public int Port { get; }

    /// <param name="durable">Commits flushed before they are acknowledged, as PostgreSQL runs by default: for tests that stop or kill it.</param>
    public static PostgresServer Start(bool durable = false)
    {
        var installation = PostgresInstallation.Find() ?? throw new InvalidOperationException(
            "The tests need PostgreSQL server binaries: 'apt-get install -y postgresql', or set MISSIONOPS_PG_BIN.");
        var root = Path.Combine(Path.GetTempPath(), $"missionops-test-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        PostgresInstallation.GiveToPostgres(root);
        var server = new PostgresServer(installation, root, LoopbackPorts.Free(), durable);
        Running[server] = 0;
        installation.EnsureCluster(server._dataDirectory, password: null);
        server.StartAgain();
        return server;
    }

    /// <summary>Starts the server (again), on the same port and data; after a kill, PostgreSQL first replays its write-ahead log.</summary>
    public void StartAgain() =>
        _installation.Run("pg_ctl", "-D", _dataDirectory, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60", "-o", _options, "start");

    /// <summary>Stops the server as an operator restarting it would: open transactions are rolled back, connections closed.</summary>
    public void Stop() => _installation.Run("pg_ctl", "-D", _dataDirectory, "-m", "fast", "-w", "stop");

    /// <summary>
    /// Kills the postmaster and every process it started at once with SIGKILL, as a power cut or the kernel's OOM killer would:
    /// nothing is shut down, and the next start recovers from the write-ahead log.
    /// </summary>
    public void Kill()
    {
        var postmaster = Postmaster() ?? throw new InvalidOperationException("PostgreSQL is not running: there is nothing to kill");
        var children = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var id) ? id : 0)
            .Where(id => id > 0 && Signals.ParentOf(id) == postmaster)
            .ToList();
        foreach (var process in children.Prepend(postmaster))
        {
            Signals.Send(process, Signals.Kill);
        }

        foreach (var process in children.Prepend(postmaster))
        {
            Signals.WaitForExit(process, TimeSpan.FromSeconds(10));
        }

        // PostgreSQL refuses to start while the lock file names a process that exists, and a killed postmaster whose parent
        // has not reaped it still does. After a crash or a container's restart no process holds it: the next start recovers.
        File.Delete(PidFile);
    }

    private string PidFile => Path.Combine(_dataDirectory, "postmaster.pid");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = true,
        }.ConnectionString;

    /// <summary>The postmaster's process id, from its lock file, when there is one.</summary>
    private int? Postmaster() => File.Exists(PidFile)
        ? int.Parse(File.ReadLines(PidFile).First(), System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private void Abandon()
    {
        try
        {
            if (Postmaster() is { } running)
            {
                Signals.Send(running, Signals.Quit);
                Signals.WaitForExit(running, TimeSpan.FromSeconds(2));
            }

            // The runner would kill a deletion in this process half-way.
            System.Diagnostics.Process.Start("rm", ["-rf", _root])?.Dispose();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Still shutting down, the server may write into its folder: the folder stays, the server does not.
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!Running.TryRemove(this, out _))
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            // A server a test stopped or killed has no postmaster left: nothing to stop.
            if (Postmaster() is { } running && Signals.IsRunning(running))
            {
                _installation.Run("pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
