using System.Globalization;

namespace MissionOps.Benchmarks;

/// <summary>
/// The CPU time of the whole system as the AppHost runs it, from /proc: the AppHost, the orchestrator it starts (DCP,
/// which detaches and watches the AppHost's process id) and every process below them (the dashboard, the services,
/// PostgreSQL and its backends). Each process's user and system time, all its threads, in the kernel's clock ticks; a
/// process that ends between two readings takes its time with it. Linux only.
/// </summary>
public static class SystemCpu
{
    private static readonly double TicksPerSecond = 100;

    /// <summary>Each process's CPU seconds so far, by a name that says what it is.</summary>
    public static IReadOnlyDictionary<int, (string Name, double Seconds)> Read(int appHost)
    {
        var processes = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var id) ? id : -1)
            .Where(id => id > 0)
            .Select(id => (Id: id, Stat: ReadOrNull($"/proc/{id}/stat"), CommandLine: ReadOrNull($"/proc/{id}/cmdline")))
            .Where(p => p.Stat is not null && p.CommandLine is not null)
            .ToList();
        var parents = processes.ToDictionary(p => p.Id, p => (int)Field(p.Stat!, 1));
        var monitor = $"\0--monitor\0{appHost}\0";
        var roots = processes.Where(p => p.Id == appHost || p.CommandLine!.Contains(monitor, StringComparison.Ordinal)).Select(p => p.Id).ToHashSet();

        var chosen = new Dictionary<int, (string, double)>();
        foreach (var (id, stat, commandLine) in processes)
        {
            if (roots.Contains(id) || roots.Any(root => IsBelow(id, root, parents)))
            {
                var seconds = (Field(stat!, 11) + Field(stat!, 12)) / TicksPerSecond;
                chosen[id] = (NameOf(id == appHost, stat!, commandLine!), seconds);
            }
        }

        return chosen;
    }

    private static bool IsBelow(int id, int ancestor, Dictionary<int, int> parents)
    {
        for (var p = id; parents.TryGetValue(p, out var parent) && parent > 1; p = parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A service by its assembly, the dashboard and the orchestrator by theirs, PostgreSQL as "postgres".</summary>
    private static string NameOf(bool appHost, string stat, string commandLine)
    {
        if (appHost)
        {
            return "AppHost";
        }

        var arguments = commandLine.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var program = arguments.FirstOrDefault(a => a.Contains("MissionOps.", StringComparison.Ordinal) || a.Contains("Aspire.Dashboard", StringComparison.Ordinal))
            ?? arguments.FirstOrDefault() ?? string.Empty;
        var command = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
        return command.StartsWith("postgres", StringComparison.Ordinal) ? "postgres"
            : program.Contains("Aspire.Dashboard", StringComparison.Ordinal) ? "dashboard"
            : program.Contains("/dcp", StringComparison.Ordinal) ? "dcp (orchestrator)"
            : Path.GetFileName(program).Replace("MissionOps.", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>The Nth field after the command's name in parentheses (0: state, 1: parent, 11: utime, 12: stime).</summary>
    private static long Field(string stat, int index) =>
        long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[index], CultureInfo.InvariantCulture);

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
