using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace MissionOps.Benchmarks;

/// <summary>
/// The services measured against baselines run in the same process, in sections chosen by argument
/// (default: all but <c>load</c>): <c>import</c>, the manifest import against binary COPY; <c>headcount</c>,
/// GetHeadcount and ListSiteOccupancies against hand-written SQL queries; <c>reads</c>, point reads, lists and closure
/// readiness against a bare gRPC server reading with Npgsql; <c>load</c>, the whole system as the AppHost
/// starts it under partners reading and writing (<c>--minutes</c>, <c>--readers</c>, <c>--writers</c>), with
/// each service's working set; <c>idle</c>, the same system left alone, its CPU and its logs; <c>soak</c>, the load's
/// system and partners for longer (<c>--minutes</c>, 30 by default), each service process sampled every minute;
/// <c>overload</c>, Personnel under far more callers than its limits admit; <c>forecast</c>, GetMissionForecast of a drawdown
/// of 50 sites, 15,000 people and 2,000 movements against the two reads it cannot do without. <c>load</c> takes 10 minutes and its start-up
/// 2 to 3 more, <c>idle</c> about 3, <c>soak</c> half an hour, so the default runs the first three only. <c>--quick</c> runs reduced sizes, to check the benchmark itself; its figures mean little.
/// </summary>
/// <remarks>
/// Not top-level statements: those would declare a global <c>Program</c>, and the global
/// <c>Program</c> here must stay the Personnel service's entry point.
/// </remarks>
public static class BenchmarkRun
{
    private static readonly string[] Sections = ["import", "headcount", "reads", "load", "idle", "soak", "overload", "forecast"];

    private static readonly string[] Default = ["import", "headcount", "reads"];

    private static readonly string[] Options = ["--minutes", "--readers", "--writers"];

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var quick = args.Contains("--quick");
        var values = new Dictionary<string, int>();
        var chosen = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (Options.Contains(args[i]) && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                values[args[i]] = value;
                i++;
            }
            else if (args[i] != "--quick")
            {
                chosen.Add(args[i]);
            }
        }

        if (chosen.Except(Sections).ToList() is [_, ..] unknown)
        {
            Console.Error.WriteLine($"Unknown argument {string.Join(", ", unknown)}; the sections are {string.Join(", ", Sections)} " +
                $"(default: {string.Join(", ", Default)}), and --quick; load takes --minutes N (default 10), --readers N (16), --writers N (2); " +
                "soak takes the same, --minutes 30 by default.");
            return 2;
        }

        var run = chosen.Count == 0 ? Default : chosen.ToArray();

        // WebApplicationFactory finds each service's content root through MvcTestingAppManifest.json, looked up in
        // the current directory: under dotnet run that is wherever the command was typed, so move to the output folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        var total = Stopwatch.StartNew();
        Console.WriteLine($"MissionOps benchmarks: {string.Join(", ", run)}" + (quick ? " (--quick: reduced sizes, not figures to record)" : string.Empty));
        Console.WriteLine($"  {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, " +
            $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC" +
            (Debugger.IsAttached ? ", DEBUGGER ATTACHED" : string.Empty));
        Console.WriteLine($"  load average at start: {LoadAverage()}");
#if DEBUG
        Console.WriteLine("  WARNING: a Debug build; run with -c Release for figures worth recording");
#endif

        try
        {
            if (run.Contains("import") || run.Contains("headcount"))
            {
                await PersonnelSectionsAsync(quick, run.Contains("import"), run.Contains("headcount"));
            }

            if (run.Contains("reads"))
            {
                await ReadsSection.RunAsync(quick);
            }

            if (run.Contains("load"))
            {
                var minutes = values.TryGetValue("--minutes", out var chosenMinutes) ? chosenMinutes : quick ? 0.5 : 10;
                await LoadSection.RunAsync(quick, TimeSpan.FromMinutes(minutes), values.GetValueOrDefault("--readers", 16), values.GetValueOrDefault("--writers", 2));
            }

            if (run.Contains("idle"))
            {
                await IdleSection.RunAsync(quick);
            }

            if (run.Contains("soak"))
            {
                var minutes = values.TryGetValue("--minutes", out var chosenMinutes) ? chosenMinutes : quick ? 1 : 30;
                await SoakSection.RunAsync(quick, TimeSpan.FromMinutes(minutes), values.GetValueOrDefault("--readers", 16), values.GetValueOrDefault("--writers", 2));
            }

            if (run.Contains("overload"))
            {
                await OverloadSection.RunAsync(quick);
            }

            if (run.Contains("forecast"))
            {
                await ForecastSection.RunAsync(quick);
            }

            Console.WriteLine();
            Console.WriteLine($"  whole run {total.Elapsed.TotalSeconds:F0} s; load average at the end: {LoadAverage()}");
            return 0;
        }
        catch (BenchmarkFailedException e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"BENCHMARK FAILED: {e.Message}");
            return 1;
        }
    }

    /// <summary>The manifest import against binary COPY, and GetHeadcount and ListSiteOccupancies against hand-written SQL, on one Personnel service.</summary>
    private static async Task PersonnelSectionsAsync(bool quick, bool import, bool headcount)
    {
        var importRows = quick ? 20_000 : 200_000;
        var warmUpRows = quick ? 2_000 : 10_000;
        var importRuns = quick ? 3 : 5;
        var people = quick ? 2_000 : 20_000;
        const int LegsPerPerson = 50;
        var headcountRuns = quick ? 3 : 7;

        var setUp = Stopwatch.StartNew();
        var data = BenchData.Create(people);
        await using var host = await BenchHost.StartAsync(data);
        await using (var version = host.Database.CreateCommand("SHOW server_version"))
        {
            Console.WriteLine($"  PostgreSQL {await version.ExecuteScalarAsync()} (throw-away cluster, fsync=off, default memory settings), " +
                $"{data.People.Length:N0} people at {data.SiteNames.Length} sites, set up in {setUp.Elapsed.TotalSeconds:F1} s");
        }

        if (import)
        {
            Console.WriteLine();
            Console.WriteLine($"1. Manifest import: {importRows:N0} rows, ImportMovementManifest against binary COPY, {importRuns} runs each");
            var figures = await new ImportBenchmark(host, data).RunAsync(importRows, warmUpRows, importRuns);
            Console.WriteLine($"  import   service  {figures.ServiceRowsPerSecond,10:N0} rows/s  ({Stats.Median(figures.ServiceSeconds):F2} s for {figures.Rows:N0} rows)");
            Console.WriteLine($"           of which sending the rows {Stats.Median(figures.StreamSeconds):F2} s (median of the service runs' send times)");
            Console.WriteLine($"           streaming floor {Stats.Median(figures.FloorSeconds):F2} s = {figures.Rows / Stats.Median(figures.FloorSeconds),10:N0} rows/s " +
                "(the rows sent to a server that only counts them)");
            Console.WriteLine($"  import   COPY     {figures.CopyRowsPerSecond,10:N0} rows/s  ({Stats.Median(figures.CopySeconds):F2} s)");
            Console.WriteLine($"  import   service/COPY {figures.Ratio:F2}x   target >= 0.90x: {(figures.Ratio >= 0.9 ? "met" : "MISSED")}");
        }

        if (headcount)
        {
            Console.WriteLine();
            Console.WriteLine($"2. Headcount as of {HeadcountBenchmark.AsOf:yyyy-MM-dd}: GetHeadcount against hand-written SQL, {headcountRuns} runs each");
            var headcountBenchmark = new HeadcountBenchmark(host, data);
            var history = await headcountBenchmark.LoadAsync(LegsPerPerson);
            var figures = await headcountBenchmark.RunAsync(history, headcountRuns);
            var duplicateCheck = await headcountBenchmark.DuplicateManifestCheckAsync();
            Console.WriteLine($"  headcount service {Stats.Median(figures.ServiceMilliseconds),9:F0} ms  ({figures.Legs:N0} legs, " +
                $"{figures.People:N0} people, {figures.Total:N0} counted in {figures.Lines} lines)");
            Console.WriteLine($"  headcount SQL     {Stats.Median(figures.SqlMilliseconds),9:F0} ms  (set-based variant, not the baseline: " +
                $"{Stats.Median(figures.SetBasedSqlMilliseconds):F0} ms)");
            Console.WriteLine($"  headcount service/SQL {figures.Ratio:F2}x   target <= 1.5x: {(figures.Ratio <= 1.5 ? "met" : "MISSED")}");

            Console.WriteLine();
            Console.WriteLine($"3. Site occupancy as of {HeadcountBenchmark.AsOf:yyyy-MM-dd}, every site of the mission: ListSiteOccupancies " +
                $"against hand-written SQL, {headcountRuns} runs each");
            var occupancy = await headcountBenchmark.RunOccupancyAsync(history, headcountRuns);
            Console.WriteLine($"  occupancy service {Stats.Median(occupancy.ServiceMilliseconds),9:F0} ms  ({figures.Legs:N0} legs, " +
                $"{occupancy.Present:N0} present at {occupancy.Sites} sites, {occupancy.Residual:N0} of them residual)");
            Console.WriteLine($"  occupancy SQL     {Stats.Median(occupancy.SqlMilliseconds),9:F0} ms");
            Console.WriteLine($"  occupancy service/SQL {occupancy.Ratio:F2}x   target <= 1.5x: {(occupancy.Ratio <= 1.5 ? "met" : "MISSED")}");
            Console.WriteLine($"  observation: the import's duplicate-manifest check over {figures.Legs:N0} movements takes " +
                $"{duplicateCheck.Milliseconds:F0} ms; plan: {duplicateCheck.Plan}");
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages: above the core count, something else shared the machine.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
