using Npgsql;

namespace MissionOps.Benchmarks;

/// <summary>One RPC and its bare counterpart: each call makes call number n of worker w and checks the answer.</summary>
public sealed record ReadCase(string Rpc, string Bare, Func<int, int, Task> Service, Func<int, int, Task> Baseline);

public sealed record ReadFigures(string Rpc, string Bare, IReadOnlyList<LoadFigures> Service, IReadOnlyList<LoadFigures> Baseline)
{
    public double ServiceCallsPerSecond => Stats.Median(Service.Select(f => f.CallsPerSecond).ToList());

    public double BaselineCallsPerSecond => Stats.Median(Baseline.Select(f => f.CallsPerSecond).ToList());

    /// <summary>Service throughput over the bare server's: 1 would be as fast.</summary>
    public double Ratio => ServiceCallsPerSecond / BaselineCallsPerSecond;
}

/// <summary>
/// Runs a service RPC and its bare counterpart under the same load: a short warm-up of each,
/// then rounds that alternate which goes first (service first in odd rounds), medians over the rounds.
/// </summary>
public sealed class ReadComparison(int concurrency, TimeSpan duration, int rounds, PostgresCpu database, Action clearBarePools)
{
    /// <summary>
    /// Every read once through, service and bare server, before any is measured: the code they share
    /// (Kestrel, the interceptors, authentication, EF Core, telemetry) is then compiled at its last
    /// tier for all, not for the reads measured last only. Measured first, a read ran at about half
    /// its speed measured third.
    /// </summary>
    public async Task WarmUpAsync(IEnumerable<ReadCase> reads)
    {
        foreach (var read in reads)
        {
            NpgsqlConnection.ClearAllPools();
            clearBarePools();
            await LoadDriver.RunAsync(concurrency, duration, database, read.Service);
            await LoadDriver.RunAsync(concurrency, duration, database, read.Baseline);
        }
    }

    public async Task<ReadFigures> RunAsync(ReadCase read)
    {
        // Each read fills its service's pool and the bare server's with a connection per concurrent call; left open, the
        // pools of all the reads together would pass PostgreSQL's max_connections. The services' pools are the global ones.
        NpgsqlConnection.ClearAllPools();
        clearBarePools();
        var warmUp = duration / 3;
        await LoadDriver.RunAsync(concurrency, warmUp, database, read.Service);
        await LoadDriver.RunAsync(concurrency, warmUp, database, read.Baseline);
        var service = new List<LoadFigures>();
        var baseline = new List<LoadFigures>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var serviceFirst in round % 2 == 1 ? new[] { true, false } : [false, true])
            {
                var figures = await LoadDriver.RunAsync(concurrency, duration, database, serviceFirst ? read.Service : read.Baseline);
                (serviceFirst ? service : baseline).Add(figures);
                Console.WriteLine($"  run {round}: {(serviceFirst ? read.Rpc : read.Bare),-18} {figures.CallsPerSecond,9:N0} calls/s  " +
                    $"p50 {figures.P50Milliseconds,6:F2} ms  p99 {figures.P99Milliseconds,6:F2} ms  CPU {figures.CpuMillisecondsPerCall,5:F3} ms/call, PostgreSQL {figures.DatabaseCpuMillisecondsPerCall,5:F3}");
            }
        }

        return new ReadFigures(read.Rpc, read.Bare, service, baseline);
    }
}
