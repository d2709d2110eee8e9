using Npgsql;

namespace MissionOps.Benchmarks;

/// <summary>
/// The whole system under the load section's partners for a long time (issue 17): every service process sampled once a
/// minute, and the first sample, taken after the warm-up, against the last. What grows without end (memory, threads,
/// sockets, database connections) shows as growth; a working set that grows 10% or more misses the target.
/// </summary>
public static class SoakSection
{
    public const double GrowthTargetPercent = 10;

    public static async Task RunAsync(bool quick, TimeSpan duration, int readers, int writers)
    {
        Console.WriteLine();
        Console.WriteLine($"7. Soak: the whole system under partner load for {duration.TotalMinutes:0.#} min, {readers} readers and {writers} writers " +
            "as in 5, each service process sampled once a minute");
        await using var partners = await PartnerSystem.StartAsync(quick, readers, writers);
        using var database = OpenDatabase(partners.System);
        await partners.WarmUpAsync(quick);

        var samples = new List<ServiceSample>();
        var failures = new List<string>();
        Console.WriteLine();
        Console.WriteLine($"  {"min",5} {"service",-12} {"VmRSS MB",8} {"threads",7} {"sockets",7} {"db conns",8} {"calls",9} {"errors",6}");
        Take(samples, TimeSpan.Zero, 0, 0, database);
        var figures = await PartnerLoad.RunAsync(partners.Clients, duration, (at, calls, errors) =>
        {
            // A timer's thread: an exception here would end the process, so it is kept and thrown after the run.
            try
            {
                Take(samples, at, calls, errors, database);
            }
            catch (Exception e) when (e is BenchmarkFailedException or NpgsqlException or IOException)
            {
                Console.WriteLine($"  {at.TotalMinutes,5:F1} sample failed: {e.Message}");
                lock (failures)
                {
                    failures.Add(e.Message);
                }
            }
        });
        Take(samples, TimeSpan.FromSeconds(figures.Total.Seconds), figures.Total.Calls, figures.Total.Errors, database);

        PartnerSystem.Print(figures);
        PrintSummary(samples, figures);
        PartnerSystem.ThrowOnErrors(figures);
        if (failures.Count > 0)
        {
            throw new BenchmarkFailedException($"{failures.Count} samples failed; the first: {failures[0]}");
        }
    }

    /// <summary>Null, said, when the AppHost's PostgreSQL cannot be reached: the other figures do without it.</summary>
    private static DatabaseConnections? OpenDatabase(AppHostProcess system)
    {
        try
        {
            return DatabaseConnections.Open(system);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException or NpgsqlException)
        {
            Console.WriteLine($"  database connections not counted: the AppHost's PostgreSQL could not be read ({e.Message})");
            return null;
        }
    }

    private static void Take(List<ServiceSample> samples, TimeSpan at, int calls, int errors, DatabaseConnections? database)
    {
        var taken = ServiceSample.Read(at, database);
        lock (samples)
        {
            samples.AddRange(taken);
            for (var i = 0; i < taken.Count; i++)
            {
                var s = taken[i];
                Console.WriteLine($"  {(i == 0 ? $"{at.TotalMinutes:F1}" : string.Empty),5} {s.Memory.Service,-12} {s.Memory.WorkingSetMb,8:F1} {s.Threads,7} {s.Sockets,7} " +
                    $"{(s.Connections?.ToString() ?? "-"),8} {(i == 0 ? $"{calls:N0}" : string.Empty),9} {(i == 0 ? $"{errors}" : string.Empty),6}");
            }
        }
    }

    private static void PrintSummary(List<ServiceSample> samples, PartnerLoadFigures figures)
    {
        var first = samples.Min(s => s.At);
        var last = samples.Max(s => s.At);
        Console.WriteLine();
        Console.WriteLine($"Soak: the first sample (after the warm-up) against the last, {(last - first).TotalMinutes:F1} min apart; " +
            $"first → last (max of {samples.Count / AppHostProcess.Services.Length} samples)");
        Console.WriteLine($"  {"service",-12} {"VmRSS MB",13} {"growth",7}  {$"< {GrowthTargetPercent:F0}%",-6}  {"threads",14}  {"sockets",14}  {"db conns",12}  " +
            $"{"calls",9} {"p50 ms",7} {"p99 ms",7} {"errors",6}");
        foreach (var service in samples.GroupBy(s => s.Memory.Service))
        {
            var a = service.Single(s => s.At == first);
            var b = service.Single(s => s.At == last);
            var growth = 100 * (b.Memory.WorkingSetMb - a.Memory.WorkingSetMb) / a.Memory.WorkingSetMb;
            var calls = figures.Services.SingleOrDefault(f => string.Equals(f.Operation, service.Key, StringComparison.OrdinalIgnoreCase));
            Console.WriteLine($"  {service.Key,-12} {$"{a.Memory.WorkingSetMb:F0} → {b.Memory.WorkingSetMb:F0}",13} {growth,6:+0.0;-0.0}%  " +
                $"{(growth < GrowthTargetPercent ? "met" : "MISSED"),-6}  {Range(service, s => s.Threads),14}  {Range(service, s => s.Sockets),14}  " +
                $"{(a.Connections is null ? "-" : Range(service, s => s.Connections ?? 0)),12}  " +
                $"{calls?.Calls ?? 0,9:N0} {calls?.P50Milliseconds ?? double.NaN,7:F1} {calls?.P99Milliseconds ?? double.NaN,7:F1} {calls?.Errors ?? 0,6}");
        }

        var total = figures.Total;
        Console.WriteLine($"  {"all",-12} {string.Empty,13} {string.Empty,7}  {string.Empty,-6}  {string.Empty,14}  {string.Empty,14}  {string.Empty,12}  " +
            $"{total.Calls,9:N0} {total.P50Milliseconds,7:F1} {total.P99Milliseconds,7:F1} {total.Errors,6}");
    }

    private static string Range(IEnumerable<ServiceSample> samples, Func<ServiceSample, int> value)
    {
        var ordered = samples.OrderBy(s => s.At).Select(value).ToList();
        return $"{ordered[0]} → {ordered[^1]} ({ordered.Max()})";
    }
}
