namespace MissionOps.Benchmarks;

/// <summary>A service's process as the AppHost runs it, and what the kernel says of it under /proc.</summary>
public sealed record ServiceProcess(string Service, int ProcessId)
{
    /// <summary>
    /// Each service's process: the one whose command line runs its build output under this clone's
    /// <c>services/&lt;Name&gt;/bin/</c>, not the <c>dotnet run</c> that started it, nor another clone's.
    /// </summary>
    public static IReadOnlyList<ServiceProcess> Find(string repositoryRoot, IEnumerable<string> services)
    {
        var commandLines = Directory.EnumerateDirectories("/proc")
            .Select(d => (Id: int.TryParse(Path.GetFileName(d), out var id) ? id : -1, Directory: d))
            .Where(p => p.Id > 0)
            .Select(p => (p.Id, Arguments: ReadOrEmpty(Path.Combine(p.Directory, "cmdline")).Split('\0')))
            .ToList();
        var found = new List<ServiceProcess>();
        foreach (var service in services)
        {
            var output = Path.Combine(repositoryRoot, "services", char.ToUpperInvariant(service[0]) + service[1..], "bin") + "/";
            var process = commandLines.Where(p => p.Arguments.Any(a => a.StartsWith(output, StringComparison.Ordinal))).ToList();
            if (process is not [var one])
            {
                throw new BenchmarkFailedException($"{process.Count} processes run {output}, not one");
            }

            found.Add(new ServiceProcess(service, one.Id));
        }

        return found;
    }

    /// <summary>The fields of /proc/PID/status (VmRSS, Threads, ...), by name.</summary>
    public IReadOnlyDictionary<string, string> Status() =>
        ReadOrEmpty($"/proc/{ProcessId}/status").Split('\n')
            .Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim());

    /// <summary>The open file descriptors that are sockets: connections held by the service, in or out, and its listeners.</summary>
    public int Sockets()
    {
        var count = 0;
        foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{ProcessId}/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    count++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Closed between the listing and the reading.
            }
        }

        return count;
    }

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
