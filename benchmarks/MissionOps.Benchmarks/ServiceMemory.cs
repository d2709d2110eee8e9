using System.Globalization;

namespace MissionOps.Benchmarks;

/// <summary>
/// One service process's memory as the kernel counts it (/proc/PID/status), in MB: its working set (VmRSS), of
/// which anonymous memory (RssAnon: the GC heaps, native allocations, thread stacks), file-backed pages (RssFile:
/// the mapped runtime and assemblies) and shared memory (RssShmem: the runtime maps the code it compiles twice,
/// writable and executable, through shared memory), and the peak working set since it started (VmHWM).
/// </summary>
public sealed record ServiceMemory(string Service, int ProcessId, double WorkingSetMb, double AnonymousMb, double FileMb, double SharedMb, double PeakMb)
{
    public const double TargetMb = 250;

    public static IReadOnlyList<ServiceMemory> Read(string repositoryRoot, IEnumerable<string> services) =>
        ServiceProcess.Find(repositoryRoot, services).Select(p => Of(p, p.Status())).ToList();

    public static ServiceMemory Of(ServiceProcess process, IReadOnlyDictionary<string, string> status) =>
        new(process.Service, process.ProcessId, Mb(status, "VmRSS"), Mb(status, "RssAnon"), Mb(status, "RssFile"), Mb(status, "RssShmem"), Mb(status, "VmHWM"));

    public string Verdict => WorkingSetMb < TargetMb ? "met" : "MISSED";

    private static double Mb(IReadOnlyDictionary<string, string> status, string field) =>
        status.TryGetValue(field, out var value) && value.EndsWith(" kB", StringComparison.Ordinal)
            ? double.Parse(value[..^3], CultureInfo.InvariantCulture) / 1024
            : throw new BenchmarkFailedException($"no {field} in /proc/PID/status");
}
