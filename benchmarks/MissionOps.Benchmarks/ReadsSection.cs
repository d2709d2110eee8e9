using System.Diagnostics;
using Npgsql;

namespace MissionOps.Benchmarks;

/// <summary>
/// Point reads and lists of the four services against the bare server, then closure readiness:
/// a mission of 50 sites and 15,000 people, with projects and assets, in one PostgreSQL.
/// </summary>
public static class ReadsSection
{
    public const int Concurrency = 32;

    public const int LegsPerPerson = 3;

    public static async Task RunAsync(bool quick)
    {
        var sites = quick ? 10 : 50;
        var people = quick ? 1_500 : 15_000;
        var duration = TimeSpan.FromSeconds(quick ? 0.5 : 3);
        var rounds = quick ? 1 : 3;
        var setUp = Stopwatch.StartNew();
        var data = BenchData.Create(people, sites);
        await using var host = await BenchHost.StartAsync(data, allServices: true);
        var reads = await ReadsData.CreateAsync(host, data, projects: quick ? 5 : 20, assets: quick ? 5 : 20);
        // A person is read with where they are, from their legs: a drawdown's people have moved, some of them often.
        var history = await new HeadcountBenchmark(host, data).LoadAsync(LegsPerPerson);
        var databases = new[]
        {
            ("sites", host.Sites.DatabaseConnectionString), ("personnel", host.Personnel.DatabaseConnectionString),
            ("projects", host.Projects!.DatabaseConnectionString), ("assets", host.Liquidation!.DatabaseConnectionString),
        }.ToDictionary(t => t.Item1, t => NpgsqlDataSource.Create(t.Item2));
        try
        {
            foreach (var source in databases.Values)
            {
                await using var analyze = source.CreateCommand("ANALYZE");
                await analyze.ExecuteNonQueryAsync();
            }

            await using var bare = await BareReadsServer.StartAsync(databases);
            using var clients = new ReadClients(host, bare.Address);
            Console.WriteLine();
            Console.WriteLine($"3. Reads: {data.SiteIds.Count} sites, {people:N0} people with {history.Legs.Length:N0} movement legs, " +
                $"{reads.ProjectIds.Length} projects, {reads.AssetIds.Length} assets, " +
                $"set up through the APIs in {setUp.Elapsed.TotalSeconds:F1} s (people and legs with COPY)");
            Console.WriteLine($"  each run: {Concurrency} concurrent calls over {ReadClients.Connections} HTTP/2 connections for {duration.TotalSeconds:F1} s, " +
                $"{rounds} rounds alternating service and bare server; CPU per call is this process's (client and servers) and PostgreSQL's");
            var comparison = new ReadComparison(Concurrency, duration, rounds, await PostgresCpu.FindAsync(databases["sites"]),
                () => databases.Values.ToList().ForEach(source => source.Clear()));
            var cases = new ReadCases(clients, data, reads, Concurrency);
            var figures = new List<ReadFigures>();
            ReadCase[] all = [cases.GetSite(), cases.GetPerson(), cases.GetProject(), cases.GetAsset(), cases.ListSites(), cases.ListPersonnel()];
            var warmUp = Stopwatch.StartNew();
            await comparison.WarmUpAsync(all);
            Console.WriteLine($"  warm-up: every read through its service and the bare server for {duration.TotalSeconds:F1} s each, " +
                $"{warmUp.Elapsed.TotalSeconds:F0} s, answers checked");
            foreach (var read in all)
            {
                Console.WriteLine($"  {read.Rpc} against the {read.Bare}");
                figures.Add(await comparison.RunAsync(read));
            }

            Console.WriteLine();
            var remaining = data.ExpectedHeadcount(history.Legs, LegsPerPerson, DateOnly.FromDateTime(DateTime.UtcNow)).Total;
            Console.WriteLine($"4. Closure readiness of a mission of {data.SiteIds.Count} sites and {people:N0} people, {remaining:N0} of them still at a site: GetClosureReadiness");
            var readiness = await new ReadinessBenchmark(host, data, reads, remaining).RunAsync(warmUps: 3, runs: quick ? 3 : 11);

            Console.WriteLine();
            Console.WriteLine("Reads (medians)");
            Console.WriteLine($"  {"RPC",-14} {"calls/s",9} {"p50 ms",7} {"p99 ms",7} {"CPU ms",7} {"PG ms",6}   {"bare calls/s",12} {"p50 ms",7} {"p99 ms",7} {"CPU ms",7} {"PG ms",6}   ratio  target");
            foreach (var f in figures)
            {
                var target = f.Rpc.StartsWith("List", StringComparison.Ordinal) ? 0.8 : 0.9;
                Console.WriteLine($"  {f.Rpc,-14} {f.ServiceCallsPerSecond,9:N0} {Median(f.Service, l => l.P50Milliseconds),7:F2} " +
                    $"{Median(f.Service, l => l.P99Milliseconds),7:F2} {Median(f.Service, l => l.CpuMillisecondsPerCall),7:F3} {Median(f.Service, l => l.DatabaseCpuMillisecondsPerCall),6:F3}   " +
                    $"{f.BaselineCallsPerSecond,12:N0} {Median(f.Baseline, l => l.P50Milliseconds),7:F2} " +
                    $"{Median(f.Baseline, l => l.P99Milliseconds),7:F2} {Median(f.Baseline, l => l.CpuMillisecondsPerCall),7:F3} {Median(f.Baseline, l => l.DatabaseCpuMillisecondsPerCall),6:F3}   " +
                    $"{f.Ratio,4:F2}x  >= {target:F1}x: {(f.Ratio >= target ? "met" : "MISSED")}");
            }

            var median = Stats.Median(readiness);
            Console.WriteLine($"  GetClosureReadiness {median:F0} ms (median), target < {ReadinessBenchmark.TargetMilliseconds:F0} ms: " +
                $"{(median < ReadinessBenchmark.TargetMilliseconds ? "met" : "MISSED")}");
        }
        finally
        {
            foreach (var source in databases.Values)
            {
                await source.DisposeAsync();
            }
        }
    }

    private static double Median(IReadOnlyList<LoadFigures> runs, Func<LoadFigures, double> value) => Stats.Median(runs.Select(value).ToList());
}
