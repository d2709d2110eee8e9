using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace MissionOps.Personnel.Benchmarks;

/// <summary>
/// Two measurements of the Personnel service, each against a baseline run in the same process:
/// manifest import against binary COPY, and GetHeadcount against a hand-written SQL query.
/// <c>--quick</c> runs a tenth of the sizes, to check the benchmark itself; its figures mean little.
/// </summary>
/// <remarks>
/// Not top-level statements: those would declare a global <c>Program</c>, and the global
/// <c>Program</c> here must stay the Personnel service's entry point.
/// </remarks>
public static class BenchmarkRun
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var quick = args.Contains("--quick");
        var importRows = quick ? 20_000 : 200_000;
        var warmUpRows = quick ? 2_000 : 10_000;
        var importRuns = quick ? 3 : 5;
        var people = quick ? 2_000 : 20_000;
        const int LegsPerPerson = 50;
        var headcountRuns = quick ? 3 : 7;

        // WebApplicationFactory finds each service's content root through MvcTestingAppManifest.json, looked up in
        // the current directory: under dotnet run that is wherever the command was typed, so move to the output folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        var total = Stopwatch.StartNew();
        var data = BenchData.Create(people);
        Console.WriteLine("Personnel benchmarks" + (quick ? " (--quick: reduced sizes, not figures to record)" : string.Empty));
        Console.WriteLine($"  {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, " +
            $"{RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC" +
            (Debugger.IsAttached ? ", DEBUGGER ATTACHED" : string.Empty));
        Console.WriteLine($"  load average at start: {LoadAverage()}");
#if DEBUG
        Console.WriteLine("  WARNING: a Debug build; run with -c Release for figures worth recording");
#endif

        await using var host = await BenchHost.StartAsync(data);
        await using (var version = host.Database.CreateCommand("SHOW server_version"))
        {
            Console.WriteLine($"  PostgreSQL {await version.ExecuteScalarAsync()} (throw-away cluster, fsync=off, default memory settings), " +
                $"{data.People.Length:N0} people at {data.SiteNames.Length} sites, set up in {total.Elapsed.TotalSeconds:F1} s");
        }

        try
        {
            Console.WriteLine();
            Console.WriteLine($"1. Manifest import: {importRows:N0} rows, ImportMovementManifest against binary COPY, {importRuns} runs each");
            var import = await new ImportBenchmark(host, data).RunAsync(importRows, warmUpRows, importRuns);

            Console.WriteLine();
            Console.WriteLine($"2. Headcount as of {HeadcountBenchmark.AsOf:yyyy-MM-dd}: GetHeadcount against hand-written SQL, {headcountRuns} runs each");
            var headcountBenchmark = new HeadcountBenchmark(host, data);
            var headcount = await headcountBenchmark.RunAsync(LegsPerPerson, headcountRuns);
            var duplicateCheck = await headcountBenchmark.DuplicateManifestCheckAsync();

            Console.WriteLine();
            Console.WriteLine("Results (medians)");
            Console.WriteLine($"  import   service  {import.ServiceRowsPerSecond,10:N0} rows/s  ({Stats.Median(import.ServiceSeconds):F2} s for {import.Rows:N0} rows)");
            Console.WriteLine($"           of which sending the rows {Stats.Median(import.StreamSeconds):F2} s (median of the service runs' send times)");
            Console.WriteLine($"           streaming floor {Stats.Median(import.FloorSeconds):F2} s = {import.Rows / Stats.Median(import.FloorSeconds),10:N0} rows/s " +
                "(the rows sent to a server that only counts them)");
            Console.WriteLine($"  import   COPY     {import.CopyRowsPerSecond,10:N0} rows/s  ({Stats.Median(import.CopySeconds):F2} s)");
            Console.WriteLine($"  import   service/COPY {import.Ratio:F2}x   target >= 0.70x: {(import.Ratio >= 0.7 ? "met" : "MISSED")}");
            Console.WriteLine($"  headcount service {Stats.Median(headcount.ServiceMilliseconds),9:F0} ms  ({headcount.Legs:N0} legs, " +
                $"{headcount.People:N0} people, {headcount.Total:N0} counted in {headcount.Lines} lines)");
            Console.WriteLine($"  headcount SQL     {Stats.Median(headcount.SqlMilliseconds),9:F0} ms  (set-based variant, not the baseline: " +
                $"{Stats.Median(headcount.SetBasedSqlMilliseconds):F0} ms)");
            Console.WriteLine($"  headcount service/SQL {headcount.Ratio:F2}x   target <= 2x: {(headcount.Ratio <= 2 ? "met" : "MISSED")}");
            Console.WriteLine($"  observation: the import's duplicate-manifest check over {headcount.Legs:N0} movements takes " +
                $"{duplicateCheck.Milliseconds:F0} ms; plan: {duplicateCheck.Plan}");
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

    /// <summary>The 1, 5 and 15 minute load averages: above the core count, something else shared the machine.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
