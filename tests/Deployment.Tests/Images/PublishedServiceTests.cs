using System.Diagnostics;
using System.Net.Sockets;
using Grpc.Health.V1;
using MissionOps.ServiceDefaults;
using MissionOps.Testing;

namespace MissionOps.Deployment.Tests.Images;

/// <summary>
/// Sites as Kubernetes runs it, short of the container: its publish output, as the image's unprivileged user, with
/// the image's environment. The migration job's command brings the database up to date while a replica waits for it;
/// the replica then listens where the manifests probe it and answers healthy.
/// Linux only, as the image: the user is changed with setpriv and read back from /proc.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PublishedServiceTests : IAsyncLifetime
{
    private const int ImageUser = 1654;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"missionops-publish-{Guid.NewGuid():N}");
    private PostgresServer _postgres = null!;
    private Dictionary<string, string> _imageEnvironment = null!;

    public async Task InitializeAsync()
    {
        var settings = await ProjectProperties.EvaluateAsync("services/Sites/Sites.csproj", [], ["ContainerEnvironmentVariable"]);
        _imageEnvironment = settings.Items["ContainerEnvironmentVariable"].ToDictionary(e => e.Include, e => e.Metadata["Value"]);

        // Another user reads it, as the image's user reads the files the SDK copies in.
        Directory.CreateDirectory(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var publish = await RunAsync(asImageUser: false, TimeSpan.FromMinutes(4), new Dictionary<string, string>(),
            "publish", Path.Combine(Repository.Root, "services/Sites/Sites.csproj"), "-c", Repository.Configuration, "--no-build", "--nologo", "-o", Path.Combine(_folder, "app"));
        Assert.True(publish.ExitCode == 0, publish.Output);
        // Last: a set-up that fails is not disposed, and would leave the server running.
        _postgres = PostgresServer.Start();
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_replica_waits_for_the_migration_job_then_listens_where_the_manifests_probe_it_as_an_unprivileged_user()
    {
        var connection = _postgres.ConnectionString("sitesdb");
        var grpcPort = new Uri(_imageEnvironment["Kestrel__Endpoints__grpc__Url"].Replace("+", "localhost", StringComparison.Ordinal)).Port;
        var httpPort = new Uri(_imageEnvironment["Kestrel__Endpoints__http__Url"].Replace("+", "localhost", StringComparison.Ordinal)).Port;
        var grpc = new Uri($"http://127.0.0.1:{grpcPort}");
        Assert.True(IsFree(grpcPort) && IsFree(httpPort), $"ports {grpcPort} and {httpPort}, which the image listens on, are taken on this machine");

        var replicaEnvironment = new Dictionary<string, string>(_imageEnvironment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__sitesdb"] = connection,
            ["Database__MigrateOnStart"] = "false",
            ["Auth__SigningKey"] = TestTokens.SigningKey,
        };
        using var replica = Start(replicaEnvironment, Path.Combine(_folder, "app", "MissionOps.Sites.dll"));
        try
        {
            await replica.WaitForLineAsync("Waiting for the migration job", TimeSpan.FromMinutes(1));
            Assert.Equal(ImageUser, replica.UserId());
            Assert.False(await GrpcHealth.WhenServingAsync(grpc, string.Empty, TimeSpan.FromSeconds(1)) == HealthCheckResponse.Types.ServingStatus.Serving);

            // The replica applied nothing meanwhile: every migration is the job's to apply.
            var job = await RunAsync(asImageUser: true, TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["ConnectionStrings__sitesdb"] = connection },
                Path.Combine(_folder, "app", "MissionOps.Sites.dll"), "migrate");
            Assert.True(job.ExitCode == 0, job.Output);
            Assert.Matches(@"sitesdb is up to date: [1-9]\d* migrations of SitesDbContext applied now", job.Output);

            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcHealth.WhenServingAsync(grpc, string.Empty, TimeSpan.FromSeconds(60)));
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcHealth.WhenServingAsync(grpc, Extensions.LivenessHealthService, TimeSpan.FromSeconds(5)));
            using var http = new HttpClient();
            Assert.True((await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/alive"))).IsSuccessStatusCode);

            // The next rollout's job finds nothing to do, and says so.
            var again = await RunAsync(asImageUser: true, TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["ConnectionStrings__sitesdb"] = connection },
                Path.Combine(_folder, "app", "MissionOps.Sites.dll"), "migrate");
            Assert.True(again.ExitCode == 0, again.Output);
            Assert.Contains("0 migrations of SitesDbContext applied now", again.Output, StringComparison.Ordinal);
        }
        catch (Exception failure)
        {
            throw new Xunit.Sdk.XunitException($"{failure.Message}\nThe replica said:\n{replica.Output}");
        }
        finally
        {
            replica.Stop();
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(System.Net.IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new(Command(asImageUser: true, environment, arguments));

    private static async Task<(int ExitCode, string Output)> RunAsync(bool asImageUser, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var ran = await CommandRun.RunAsync(Command(asImageUser, environment, arguments), timeout);
        return (ran.ExitCode, ran.All);
    }

    /// <summary>The SDK's dotnet, run as the image's user where the tests run as root (setpriv), else as the unprivileged user running them.</summary>
    private static ProcessStartInfo Command(bool asImageUser, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asImageUser && asRoot ? "setpriv" : dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asImageUser && asRoot)
        {
            foreach (var argument in new[] { $"--reuid={ImageUser}", $"--regid={ImageUser}", "--clear-groups", "--", dotnet })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // As in the image: no home to write to, nothing from the developer's own settings.
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment.Remove("ASPNETCORE_URLS");
        return start;
    }
}
