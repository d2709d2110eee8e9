using MissionOps.Testing;

namespace MissionOps.Benchmarks;

/// <summary>
/// The whole system as the AppHost starts it, left alone once its demo data is loaded and Liquidation's feed
/// follower has caught up: the CPU all its processes use together (dashboard, orchestrator and PostgreSQL
/// included) and the log entries the services send the dashboard, against issue 15's targets.
/// </summary>
public static class IdleSection
{
    public const double CpuTargetPercentOfOneCore = 2;

    public const double LogTargetPerMinute = 10;

    private const int MostLogsRead = 5_000;

    public static async Task RunAsync(bool quick)
    {
        var settle = TimeSpan.FromSeconds(quick ? 20 : 90);
        var window = TimeSpan.FromSeconds(quick ? 15 : 60);
        Console.WriteLine();
        Console.WriteLine($"6. The whole system at rest: {window.TotalSeconds:F0} s measured, {settle.TotalSeconds:F0} s after every service serves");
        await using var system = await AppHostProcess.StartAsync(TimeSpan.FromMinutes(10));
        Console.WriteLine($"  its output: {system.LogFile}; dashboard {system.Dashboard}");
        await Task.Delay(settle);

        using var telemetry = new DashboardTelemetry(system.Dashboard, system.DashboardApiKey);
        var before = SystemCpu.Read(system.ProcessId);
        var from = DateTimeOffset.UtcNow;
        await Task.Delay(window);
        var after = SystemCpu.Read(system.ProcessId);
        var to = DateTimeOffset.UtcNow;
        var logs = await telemetry.LatestLogsAsync(MostLogsRead);
        var errors = await telemetry.LatestLogsAsync(100, "Error");

        var seconds = (to - from).TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"CPU over {seconds:F0} s at rest, % of one core (load average now {BenchmarkRun.LoadAverage()})");
        var byName = after
            .GroupBy(p => p.Value.Name)
            .Select(g => (Name: g.Key, Processes: g.Count(), Seconds: g.Sum(p => p.Value.Seconds - (before.TryGetValue(p.Key, out var b) ? b.Seconds : 0))))
            .OrderByDescending(p => p.Seconds)
            .ToList();
        foreach (var (name, processes, used) in byName)
        {
            Console.WriteLine($"  {name,-22} {processes,3} process{(processes == 1 ? "  " : "es")} {100 * used / seconds,6:F2} %");
        }

        var total = 100 * byName.Sum(p => p.Seconds) / seconds;
        Console.WriteLine($"  {"all",-22} {after.Count,3} processes   {total,6:F2} %   target < {CpuTargetPercentOfOneCore:F0} %: {(total < CpuTargetPercentOfOneCore ? "met" : "MISSED")}");

        var inWindow = logs.Where(e => e.Time >= from && e.Time < to).ToList();
        var perMinute = inWindow.Count * 60 / seconds;
        var capped = logs.Count == MostLogsRead && logs[0].Time >= from ? "at least " : string.Empty;
        Console.WriteLine();
        Console.WriteLine($"Log entries the services sent the dashboard at rest: {capped}{inWindow.Count} in {seconds:F0} s, {capped}{perMinute:F1} a minute, " +
            $"target < {LogTargetPerMinute:F0}: {(perMinute < LogTargetPerMinute ? "met" : "MISSED")}");
        foreach (var group in inWindow.GroupBy(e => (e.Resource, e.Category)).OrderByDescending(g => g.Count()).Take(10))
        {
            Console.WriteLine($"  {group.Count(),5}  {group.Key.Resource} {group.Key.Category}");
        }

        var errorsAtRest = errors.Count(e => e.Time >= from && e.Time < to);
        Console.WriteLine($"Entries at Error or worse: {errors.Count} since start-up{(errors.Count == 100 ? " (at least)" : string.Empty)}, {errorsAtRest} at rest");
        foreach (var group in errors.GroupBy(e => (e.Resource, e.Category)).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {group.Count(),5}  {group.Key.Resource} {group.Key.Category}, the first: {group.First()}");
        }
    }
}
