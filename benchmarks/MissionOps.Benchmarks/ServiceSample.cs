namespace MissionOps.Benchmarks;

/// <summary>
/// One service process at one moment of a soak: its memory, its threads (<c>Threads:</c> of /proc/PID/status), its
/// open sockets, and the connections its database holds (null when PostgreSQL could not be read).
/// </summary>
public sealed record ServiceSample(TimeSpan At, ServiceMemory Memory, int Threads, int Sockets, int? Connections)
{
    public static IReadOnlyList<ServiceSample> Read(TimeSpan at, DatabaseConnections? database)
    {
        var connections = database?.Count();
        return ServiceProcess.Find(AppHostProcess.RepositoryRoot, AppHostProcess.Services.Select(s => s.Name))
            .Select(p =>
            {
                var status = p.Status();
                var threads = status.TryGetValue("Threads", out var value) && int.TryParse(value, out var count)
                    ? count
                    : throw new BenchmarkFailedException($"no Threads in /proc/{p.ProcessId}/status");
                return new ServiceSample(at, ServiceMemory.Of(p, status), threads, p.Sockets(), connections?[p.Service]);
            })
            .ToList();
    }
}
