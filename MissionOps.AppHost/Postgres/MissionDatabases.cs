using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;

namespace MissionOps.AppHost.Postgres;

/// <summary>
/// One PostgreSQL server for the whole system, a database per service. In a container where a
/// container runtime answers; else from the machine's PostgreSQL binaries (Aspire's AddPostgres
/// would wait forever for a runtime that is not there); else the AppHost stops and says what to install.
/// </summary>
public sealed class MissionDatabases
{
    private readonly Func<IResourceBuilder<ProjectResource>, string, IResourceBuilder<IResourceWithConnectionString>> _addDatabase;

    private MissionDatabases(IResourceBuilder<IResource> server,
        Func<IResourceBuilder<ProjectResource>, string, IResourceBuilder<IResourceWithConnectionString>> addDatabase)
    {
        Server = server;
        _addDatabase = addDatabase;
    }

    /// <summary>What a service waits for before it starts.</summary>
    public IResourceBuilder<IResource> Server { get; }

    /// <summary>Each service with the database it owns, in the order they were given theirs (the order they start).</summary>
    public IReadOnlyList<(IResourceBuilder<ProjectResource> Service, string Database)> Owners => _owners;

    private readonly List<(IResourceBuilder<ProjectResource> Service, string Database)> _owners = [];

    /// <summary>The databases on a local server, whose state the AppHost shows itself (none in a container, whose databases Aspire shows).</summary>
    public IReadOnlyList<LocalPostgresDatabaseResource> LocalDatabases => _local;

    private readonly List<LocalPostgresDatabaseResource> _local = [];

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(IResourceBuilder<ProjectResource> owner, string name)
    {
        _owners.Add((owner, name));
        return _addDatabase(owner, name);
    }

    public static MissionDatabases Add(IDistributedApplicationBuilder builder)
    {
        var mode = builder.Configuration["Postgres:Mode"] ?? "auto";
        if (mode == "container" || (mode == "auto" && ContainerRuntimeAnswers()))
        {
            var container = builder.AddPostgres("postgres").WithDataVolume("missionops-postgres").WithLifetime(ContainerLifetime.Persistent);
            return new MissionDatabases(container, (_, name) => container.AddDatabase(name));
        }

        var installation = PostgresInstallation.Find() ?? throw new PostgresUnavailableException(
            "MissionOps needs PostgreSQL: no container runtime answered ('docker info') and no PostgreSQL server binaries were found " +
            "under /usr/lib/postgresql. Install Docker, or install PostgreSQL (on Debian or Ubuntu: 'apt-get install -y postgresql'), " +
            "or set MISSIONOPS_PG_BIN to the folder holding 'postgres' and 'initdb'.");

        var server = AddLocalServer(builder, installation);
        MissionDatabases? databases = null;
        // The databases' states follow the server's, and each is asked again once the service that creates it is ready.
        server.OnResourceReady(async (_, e, ct) =>
            {
                foreach (var database in databases!.LocalDatabases)
                {
                    await LocalDatabaseStates.ShowAsync(database, e.Services.GetRequiredService<ResourceNotificationService>(), ct);
                }
            })
            .OnResourceStopped(async (_, e, _) =>
            {
                foreach (var database in databases!.LocalDatabases)
                {
                    await LocalDatabaseStates.ShowAsync(database, e.Services.GetRequiredService<ResourceNotificationService>(), KnownResourceStates.Exited);
                }
            });
        databases = new MissionDatabases(server, (owner, name) =>
        {
            var database = new LocalPostgresDatabaseResource(name, server.Resource);
            databases!._local.Add(database);
            owner.OnResourceReady((_, e, ct) => LocalDatabaseStates.ShowAsync(database, e.Services.GetRequiredService<ResourceNotificationService>(), ct));
            return builder.AddResource(database).WithInitialState(LocalDatabaseStates.Initial(name));
        });
        return databases;
    }

    private static IResourceBuilder<LocalPostgresServerResource> AddLocalServer(IDistributedApplicationBuilder builder, PostgresInstallation installation)
    {
        var root = DataRoot(builder);
        var dataDirectory = Path.Combine(root, "data");
        var passwordFile = Path.Combine(root, "password");
        Directory.CreateDirectory(root);
        if (!File.Exists(passwordFile))
        {
            File.WriteAllText(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var password = File.ReadAllText(passwordFile).Trim();
        installation.EnsureCluster(dataDirectory, password);

        var passwordParameter = builder.AddParameter("postgres-password", password, secret: true);
        // DCP stops processes with SIGTERM, which PostgreSQL treats as a "smart" shutdown that waits for
        // every pooled connection to close; the wrapper turns it into a fast shutdown (SIGINT).
        const string fastShutdown = "trap 'kill -INT \"$pid\" 2>/dev/null' TERM INT; \"$0\" \"$@\" & pid=$!; wait \"$pid\"; wait \"$pid\"";
        var (command, prefix) = PostgresInstallation.IsRoot
            ? ("runuser", new[] { "-u", "postgres", "--", "sh", "-c", fastShutdown })
            : ("sh", new[] { "-c", fastShutdown });
        var resource = new LocalPostgresServerResource("postgres", command, root, passwordParameter.Resource);
        return builder.AddResource(resource)
            .WithArgs([.. prefix, installation.ServerPath, "-D", dataDirectory, "-h", "127.0.0.1", "-k", "", "-c", "max_connections=200"])
            // postgres reads its port from PGPORT; DCP picks a free one (or 5432 where it is free).
            .WithEndpoint(name: LocalPostgresServerResource.EndpointName, scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithHealthCheck(PostgresHealthCheck.Register(builder, resource));
    }

    /// <summary>Where the development data lives (<c>Postgres:DataDirectory</c>, else a per-user folder); it survives restarts.</summary>
    public static string DataRoot(IDistributedApplicationBuilder builder) => builder.Configuration["Postgres:DataDirectory"] ?? DefaultDataDirectory();

    private static string DefaultDataDirectory() => PostgresInstallation.IsRoot
        // The postgres user must reach the folder, which it cannot inside /root.
        ? "/var/lib/missionops/postgres"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "missionops", "postgres");

    private static bool ContainerRuntimeAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null)
            {
                return false;
            }

            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }

            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
