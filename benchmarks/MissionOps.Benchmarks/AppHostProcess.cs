using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;
using MissionOps.ServiceDefaults.Security;
using MissionOps.Testing;

namespace MissionOps.Benchmarks;

/// <summary>
/// The whole system as <c>dotnet run --project MissionOps.AppHost</c> starts it in development, demo data and
/// dashboard included, run from its Release build as a process of its own with its PostgreSQL in a throw-away
/// folder: the services are then processes whose memory can be read, as on a partner's test server.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    /// <summary>The services and the fixed gRPC ports the AppHost gives them.</summary>
    public static readonly (string Name, int Port)[] Services = [("sites", 5101), ("personnel", 5102), ("projects", 5103), ("liquidation", 5104)];

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly StreamWriter _log;

    private AppHostProcess(Process process, string dataDirectory, StreamWriter log)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        _log = log;
        process.OutputDataReceived += (_, line) => Write(line.Data);
        process.ErrorDataReceived += (_, line) => Write(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public TokenIssuer Issuer { get; private set; } = null!;

    /// <summary>The AppHost process, which the orchestrator it starts watches.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The dashboard, whose telemetry API (<c>/api/telemetry/...</c>) answers to <see cref="DashboardApiKey"/>.</summary>
    public Uri Dashboard { get; private set; } = null!;

    public string DashboardApiKey { get; private init; } = null!;

    /// <summary>The AppHost's output, kept after the run for a failure's post-mortem (the services log to the dashboard).</summary>
    public string LogFile => _dataDirectory + ".log";

    /// <summary>The drawdown board's fixed port: the AppHost starts it beside the services.</summary>
    public const int BoardPort = 5100;

    /// <summary>
    /// Its PostgreSQL as the superuser: the password the AppHost keeps beside the cluster, and the port DCP chose, which the
    /// running server writes on the fourth line of its postmaster.pid.
    /// </summary>
    public string PostgresConnectionString()
    {
        var port = File.ReadLines(Path.Combine(_dataDirectory, "data", "postmaster.pid")).ElementAt(3).Trim();
        var password = File.ReadAllText(Path.Combine(_dataDirectory, "password")).Trim();
        return $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Pooling=false";
    }

    public static Uri Address(string service) => new($"http://localhost:{Services.Single(s => s.Name == service).Port}");

    public static async Task<AppHostProcess> StartAsync(TimeSpan timeout)
    {
        foreach (var (name, port) in Services)
        {
            if (IsTaken(port) || IsTaken(port + 100))
            {
                throw new BenchmarkFailedException($"port {port} or {port + 100} ({name}) is taken: another AppHost runs, stop it first");
            }
        }

        if (IsTaken(BoardPort))
        {
            throw new BenchmarkFailedException($"port {BoardPort} (the drawdown board) is taken: another AppHost runs, stop it first");
        }

        var assembly = Path.Combine(RepositoryRoot, "MissionOps.AppHost", "bin", "Release", "net10.0", "MissionOps.AppHost.dll");
        if (!File.Exists(assembly))
        {
            throw new BenchmarkFailedException($"no {assembly}: build the solution in Release first");
        }

        var data = Path.Combine(Path.GetTempPath(), $"missionops-load-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", assembly, $"Postgres:DataDirectory={data}", "Postgres:Mode=local" },
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // What the AppHost's launch profile sets, the dashboard's ports chosen free so as not to meet anyone else's.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        var dashboard = new Uri($"http://localhost:{LoopbackPorts.Free()}");
        start.Environment["ASPNETCORE_URLS"] = dashboard.ToString().TrimEnd('/');
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{LoopbackPorts.Free()}";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{LoopbackPorts.Free()}";
        var log = new StreamWriter(data + ".log") { AutoFlush = true };
        // The AppHost keeps a dashboard API key in its user secrets unless it is given one.
        var apiKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        start.Environment["AppHost__DashboardApiKey"] = apiKey;
        var process = Process.Start(start) ?? throw new BenchmarkFailedException("the AppHost did not start");
        var host = new AppHostProcess(process, data, log) { Dashboard = dashboard, DashboardApiKey = apiKey };
        try
        {
            await host.WaitUntilServingAsync(timeout);
            host.Issuer = new TokenIssuer((await File.ReadAllTextAsync(Path.Combine(data, "signing-key"))).Trim());
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every service answers its gRPC health check: each loads its demo data before it listens.</summary>
    private async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var waiting = Services.Select(s => s.Name).ToList();
        while (waiting.Count > 0)
        {
            if (_process.HasExited)
            {
                throw new BenchmarkFailedException($"the AppHost stopped (exit code {_process.ExitCode}); its output is in {LogFile}");
            }

            if (deadline.Elapsed > timeout)
            {
                throw new BenchmarkFailedException($"{string.Join(", ", waiting)} not serving after {timeout.TotalMinutes:F0} min; the AppHost's output is in {LogFile}");
            }

            foreach (var service in waiting.ToList())
            {
                if (await IsServingAsync(service))
                {
                    waiting.Remove(service);
                    Console.WriteLine($"  {service} serving after {deadline.Elapsed.TotalSeconds:F0} s");
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static async Task<bool> IsServingAsync(string service)
    {
        try
        {
            using var channel = GrpcChannel.ForAddress(Address(service));
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3));
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (Exception e) when (e is Grpc.Core.RpcException or HttpRequestException)
        {
            return false;
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }
    }

    /// <summary>Stops the AppHost as Ctrl+C does, so it stops what it started (services, PostgreSQL); what is left after a minute is killed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        if (Directory.Exists(_dataDirectory))
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"  could not remove {_dataDirectory}: {e.Message}");
            }
        }
    }

    private static bool IsTaken(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MissionOps.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MissionOps.sln above {AppContext.BaseDirectory}.");
    }
}
