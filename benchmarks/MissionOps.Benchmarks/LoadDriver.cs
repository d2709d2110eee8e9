using System.Diagnostics;
using Grpc.Core;

namespace MissionOps.Benchmarks;

/// <summary>One timed run of many concurrent calls.</summary>
public sealed record LoadFigures(
    int Calls, double Seconds, double P50Milliseconds, double P99Milliseconds, double CpuMillisecondsPerCall, double DatabaseCpuMillisecondsPerCall)
{
    public double CallsPerSecond => Calls / Seconds;
}

/// <summary>
/// Keeps <c>concurrency</c> calls in flight for a fixed time, each worker starting its next call
/// when its last one answered, and measures calls per second, the latency of each call and the
/// process's CPU time per call (client and servers alike: everything but PostgreSQL runs in this
/// process), and PostgreSQL's. A call that throws or answers wrongly stops the run.
/// </summary>
public static class LoadDriver
{
    /// <param name="call">Makes call number <c>n</c> of worker <c>w</c> and checks its answer.</param>
    public static async Task<LoadFigures> RunAsync(int concurrency, TimeSpan duration, PostgresCpu database, Func<int, int, Task> call)
    {
        Stats.SettleGarbageCollector();
        var latencies = new List<double>[concurrency];
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var databaseBefore = database.Milliseconds();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = new List<double>(4096);
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await call(worker, n);
                }
                catch (RpcException e)
                {
                    throw new BenchmarkFailedException($"a call failed: {e.Status}");
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var databaseCpu = database.Milliseconds() - databaseBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadFigures(all.Length, seconds, Stats.Percentile(all, 0.50), Stats.Percentile(all, 0.99), cpu / all.Length, databaseCpu / all.Length);
    }
}
