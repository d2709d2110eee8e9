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

    /// <summary>
    /// Each service's process: the one whose command line runs its build output under this clone's
    /// <c>services/&lt;Name&gt;/bin/</c>, not the <c>dotnet run</c> that started it, nor another clone's.
    /// </summary>
    public static IReadOnlyList<ServiceMemory> Read(string repositoryRoot, IEnumerable<string> services)
    {
        var commandLines = Directory.EnumerateDirectories("/proc")
            .Select(d => (Id: int.TryParse(Path.GetFileName(d), out var id) ? id : -1, Directory: d))
            .Where(p => p.Id > 0)
            .Select(p => (p.Id, Arguments: ReadOrEmpty(Path.Combine(p.Directory, "cmdline")).Split('\0')))
            .ToList();
        var memory = new List<ServiceMemory>();
        foreach (var service in services)
        {
            var output = Path.Combine(repositoryRoot, "services", char.ToUpperInvariant(service[0]) + service[1..], "bin") + "/";
            var process = commandLines.Where(p => p.Arguments.Any(a => a.StartsWith(output, StringComparison.Ordinal))).ToList();
            if (process is not [var one])
            {
                throw new BenchmarkFailedException($"{process.Count} processes run {output}, not one");
            }

            var status = ReadOrEmpty($"/proc/{one.Id}/status").Split('\n')
                .Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1].Trim());
            memory.Add(new ServiceMemory(service, one.Id, Mb(status, "VmRSS"), Mb(status, "RssAnon"), Mb(status, "RssFile"), Mb(status, "RssShmem"), Mb(status, "VmHWM")));
        }

        return memory;
    }

    public string Verdict => WorkingSetMb < TargetMb ? "met" : "MISSED";

    private static double Mb(Dictionary<string, string> status, string field) =>
        status.TryGetValue(field, out var value) && value.EndsWith(" kB", StringComparison.Ordinal)
            ? double.Parse(value[..^3], CultureInfo.InvariantCulture) / 1024
            : throw new BenchmarkFailedException($"no {field} in /proc/PID/status");

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
